// libgd, from Debian's libgd-dev. Only Sources/PartnershipDashboard/Raster imports this module.
#include <gd.h>
