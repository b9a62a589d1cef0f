// FreeType, from Debian's libfreetype-dev (libgd-dev needs it too). Only Raster/Typeface.swift imports this module.
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SIZES_H
