// libdeflate, from Debian's libdeflate-dev: whole-buffer DEFLATE that compresses charts smaller
// and faster than zlib. Only Raster/PNGWriter.swift and Site/BuildManifest.swift import this module.
#include <libdeflate.h>
