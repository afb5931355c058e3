// The files of ../Resources, in the binary: C23 #embed copies each file's bytes
// into a static array at compile time (clang records the files as dependencies,
// so a retrained model rebuilds this file). A file added to Resources/ must be
// listed here too; the module's test fails until it is.
#include "CIntraPartyConflictResources.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char cues_tsv[] = {
#embed "../Resources/cues.tsv"
};
static const unsigned char model_json[] = {
#embed "../Resources/model.json"
};
static const unsigned char targets_tsv[] = {
#embed "../Resources/targets.tsv"
};

static const textpipe_resource files[] = {
    {"cues.tsv", cues_tsv, sizeof cues_tsv},
    {"model.json", model_json, sizeof model_json},
    {"targets.tsv", targets_tsv, sizeof targets_tsv},
};

const textpipe_resource *textpipe_intra_party_conflict_resources(size_t *count) {
    *count = sizeof files / sizeof files[0];
    return files;
}
