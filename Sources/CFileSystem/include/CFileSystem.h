// Renames the C library hides from Swift: swapping two folders in one step, and renaming without
// replacing. Only Sources/PartnershipDashboard/Files imports this module.
#ifndef DASHBOARD_CFILESYSTEM_H
#define DASHBOARD_CFILESYSTEM_H

/// Swaps two paths in one step (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np RENAME_SWAP):
/// at no moment is either path missing. Returns 0, or -1 with errno set (EINVAL or ENOSYS where the
/// file system or kernel cannot swap).
int dashboard_exchange(const char *first, const char *second);

/// Renames `from` to `to` only if `to` does not exist; returns 0, or -1 with errno (EEXIST if it does).
int dashboard_rename_no_replace(const char *from, const char *to);

#endif
