#ifndef CGAZETTEER_RESOURCES_H
#define CGAZETTEER_RESOURCES_H

#include "CStageResources.h"

/// The files of Sources/Gazetteer/Resources, compiled into the binary; sets `count`.
const textpipe_resource *textpipe_gazetteer_resources(size_t *count);

#endif
