// The files of ../Resources, in the binary: C23 #embed copies each file's bytes
// into a static array at compile time (clang records the files as dependencies,
// so a retrained model rebuilds this file). A file added to Resources/ must be
// listed here too; the module's test fails until it is.
#include "CEntitiesResources.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char lexicon_txt[] = {
#embed "../Resources/lexicon.txt"
};
static const unsigned char model_bin[] = {
#embed "../Resources/model.bin"
};
static const unsigned char names_txt[] = {
#embed "../Resources/names.txt"
};

static const textpipe_resource files[] = {
    {"lexicon.txt", lexicon_txt, sizeof lexicon_txt},
    {"model.bin", model_bin, sizeof model_bin},
    {"names.txt", names_txt, sizeof names_txt},
};

const textpipe_resource *textpipe_entities_resources(size_t *count) {
    *count = sizeof files / sizeof files[0];
    return files;
}
