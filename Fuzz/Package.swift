// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for Textpipe, kept out of the main package so that a plain
/// `swift build` there never needs `-sanitize=fuzzer`. Build with `Fuzz/run.sh`.
let package = Package(
    name: "TextpipeFuzz",
    dependencies: [.package(name: "Textpipe", path: "..")],
    targets: [
        // libFuzzer's driver, called from each target's `main`.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzJSONL", dependencies: ["FuzzDriver", .product(name: "Textpipe", package: "Textpipe")]),
        .executableTarget(
            name: "FuzzPipeline",
            dependencies: [
                "FuzzDriver",
                .product(name: "Textpipe", package: "Textpipe"),
                .product(name: "StageRegistry", package: "Textpipe"),
            ]),
        .executableTarget(
            name: "FuzzStages",
            dependencies: [
                "FuzzDriver",
                .product(name: "Textpipe", package: "Textpipe"),
                .product(name: "StageRegistry", package: "Textpipe"),
            ]),
    ]
)
