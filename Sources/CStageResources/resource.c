// The type every stage's embedded file table uses; this target has no code of its own.
#include "CStageResources.h"
