#ifndef WSOA_CLIBZIP_SHIM_H
#define WSOA_CLIBZIP_SHIM_H
#include <zip.h>
#endif
