#ifndef WSOA_CLIBZIP_SHIM_H
#define WSOA_CLIBZIP_SHIM_H
#include <zip.h>
/* zlib (a dependency of libzip, Debian zlib1g-dev): the zip writer deflates
   parts itself so that compression can stream and run beside XML output. */
#include <zlib.h>
#endif
