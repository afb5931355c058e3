#ifndef CENTITIES_RESOURCES_H
#define CENTITIES_RESOURCES_H

#include <stddef.h>

/// One file of Plugins/Entities/Resources, compiled into the binary.
typedef struct {
    const char *name;
    const unsigned char *bytes;
    size_t count;
} textpipe_entities_resource;

/// How many files are embedded.
size_t textpipe_entities_resource_count(void);

/// File `index` (0 ..< count), or NULL past the end.
const textpipe_entities_resource *textpipe_entities_resource_at(size_t index);

#endif
