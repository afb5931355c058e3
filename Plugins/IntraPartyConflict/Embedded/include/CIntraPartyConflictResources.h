#ifndef CINTRAPARTYCONFLICT_RESOURCES_H
#define CINTRAPARTYCONFLICT_RESOURCES_H

#include "CStageResources.h"

/// The files of Plugins/IntraPartyConflict/Resources, compiled into the binary; sets `count`.
const textpipe_resource *textpipe_intra_party_conflict_resources(size_t *count);

#endif
