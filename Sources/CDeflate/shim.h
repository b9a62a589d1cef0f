// zlib, from Debian's zlib1g-dev (libpng-dev needs it too). Only Raster/PNGWriter.swift imports this module (ZIPFoundation has its own module for zlib).
#include <zlib.h>
