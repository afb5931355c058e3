// The system's SQLite 3 C API, for Swift (Debian: libsqlite3-dev).
#include <sqlite3.h>
