#ifndef CENTITIES_RESOURCES_H
#define CENTITIES_RESOURCES_H

#include "CStageResources.h"

/// The files of Plugins/Entities/Resources, compiled into the binary; sets `count`.
const textpipe_resource *textpipe_entities_resources(size_t *count);

#endif
