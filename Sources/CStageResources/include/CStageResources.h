#ifndef CSTAGERESOURCES_H
#define CSTAGERESOURCES_H

#include <stddef.h>

/// One file of a stage's Resources/ folder, compiled into the binary by the
/// stage's Embedded/resources.c (C23 #embed); read through StageResources.
typedef struct {
    const char *name;
    const unsigned char *bytes;
    size_t count;
} textpipe_resource;

#endif
