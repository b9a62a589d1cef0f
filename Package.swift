// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PartnershipDashboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dashboard", targets: ["dashboard"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev"])]
        ),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .systemLibrary(
            name: "CFreeType",
            pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "CFileSystem"),
        .target(
            name: "PartnershipDashboard",
            dependencies: [
                "CCrypto",
                "CFileSystem",
                "CGD",
                "CCmark",
                "CDeflate",
                "CFreeType",
            ]
        ),
        // The benchmark, in its own target above the library: it uses only what the library offers the package.
        .target(name: "DashboardBenchmark", dependencies: ["PartnershipDashboard"]),
        .executableTarget(
            name: "dashboard",
            dependencies: [
                "PartnershipDashboard",
                "DashboardBenchmark",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PartnershipDashboardTests",
            dependencies: ["PartnershipDashboard", "DashboardBenchmark"],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ]
)
