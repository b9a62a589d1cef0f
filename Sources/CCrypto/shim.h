// OpenSSL's libcrypto, from Debian's libssl-dev, for SHA-256 only. Only Sources/PartnershipDashboard/Support/SHA256.swift imports this module.
#include <openssl/evp.h>
