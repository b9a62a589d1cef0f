// libdeflate, from Debian's libdeflate-dev: whole-buffer DEFLATE that compresses charts smaller
// and faster than zlib. Raster/PNGWriter.swift, Site/ZIPWriter.swift and Site/BuildManifest.swift import it.
#include <libdeflate.h>
