#ifndef CINTRAPARTYCONFLICT_RESOURCES_H
#define CINTRAPARTYCONFLICT_RESOURCES_H

#include <stddef.h>

/// One file of Plugins/IntraPartyConflict/Resources, compiled into the binary.
typedef struct {
    const char *name;
    const unsigned char *bytes;
    size_t count;
} textpipe_intra_party_conflict_resource;

/// How many files are embedded.
size_t textpipe_intra_party_conflict_resource_count(void);

/// File `index` (0 ..< count), or NULL past the end.
const textpipe_intra_party_conflict_resource *textpipe_intra_party_conflict_resource_at(size_t index);

#endif
