// The party gazetteer's files, in the binary (C23 #embed; see
// Plugins/Entities/Embedded/resources.c). A file added to ../Resources must be
// listed here too; GazetteerTests fails until it is.
#include "CGazetteerResources.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char countries_tsv[] = {
#embed "../Resources/countries.tsv"
};
static const unsigned char parties_tsv[] = {
#embed "../Resources/parties.tsv"
};

static const textpipe_resource files[] = {
    {"countries.tsv", countries_tsv, sizeof countries_tsv},
    {"parties.tsv", parties_tsv, sizeof parties_tsv},
};

const textpipe_resource *textpipe_gazetteer_resources(size_t *count) {
    *count = sizeof files / sizeof files[0];
    return files;
}
