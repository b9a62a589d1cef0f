// cmark-gfm, from Debian's libcmark-gfm-dev. Only Sources/PartnershipDashboard/Markdown imports this module.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
