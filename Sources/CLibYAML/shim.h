// The system's libyaml C API, for Swift (Debian: libyaml-dev), for the pipeline loader.
#include <yaml.h>
