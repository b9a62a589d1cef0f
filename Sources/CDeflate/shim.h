// libdeflate, from Debian's libdeflate-dev: whole-buffer DEFLATE that compresses charts smaller
// and faster than zlib. Only Encoding/Deflate.swift imports it, for the PNG and ZIP writers.
#include <libdeflate.h>
