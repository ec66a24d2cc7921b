// swift-tools-version: 6.0
import PackageDescription

/// The Swift runtime linked into `trailwatch` on Linux: a pre-commit hook or an editor starts it for
/// every check, and loading and relocating the shared runtime libraries took 3 of a small lint's 8 ms.
/// As `swift build --static-swift-stdlib` links it, with the libraries FoundationEssentials needs
/// named, which that flag finds itself; only for the toolchain that was checked, since the list
/// changes between releases (others build as before).
#if compiler(>=6.3) && compiler(<6.4)
  let staticRuntime: [LinkerSetting] = [
    .unsafeFlags(
      ["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims", "-lswiftSynchronization"],
      .when(platforms: [.linux]))
  ]
#else
  let staticRuntime: [LinkerSetting] = []
#endif

let package = Package(
  name: "trailwatch",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "trailwatch", targets: ["trailwatch"]),
    .library(name: "TrailwatchKit", targets: ["TrailwatchKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // The system libyaml, read at the event level so every node keeps its position.
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // Bytes to a positioned syntax tree: YAML, JSON, HCL (Terraform). Knows nothing about AWS.
    .target(name: "SourceMap", dependencies: ["CYAML"]),
    // The provider-neutral model of trails, log groups and roles that rules read.
    .target(name: "InfraModel", dependencies: ["SourceMap"]),
    // CloudFormation templates (JSON and YAML) to the model.
    .target(name: "CloudFormation", dependencies: ["SourceMap", "InfraModel"]),
    // Terraform plans (`terraform show -json`) to the model.
    .target(name: "TerraformPlan", dependencies: ["SourceMap", "InfraModel", "TerraformSource"]),
    // Terraform configuration (.tf, .tf.json, .tfvars) of a directory and its local modules to the model.
    .target(name: "TerraformSource", dependencies: ["SourceMap", "InfraModel"]),
    // Rules: pure functions of the model, each with its own description and examples.
    .target(name: "Rules", dependencies: ["InfraModel"]),
    // Findings to text, gcc, JSON and the other output formats.
    .target(name: "Reporters", dependencies: ["Rules"]),
    // The engine: finds files, reads them, runs the rules, filters and sorts findings.
    .target(
      name: "TrailwatchKit",
      dependencies: [
        "SourceMap", "InfraModel", "CloudFormation", "TerraformPlan", "TerraformSource", "Rules", "Reporters",
      ]
    ),
    // `trailwatch lsp`: the Language Server Protocol over stdio, diagnostics and quick fixes.
    .target(name: "LanguageServer", dependencies: ["TrailwatchKit", "Rules", "SourceMap"]),
    // The command-line shell: flags to options, options to the engine, result to an exit code.
    .target(
      name: "TrailwatchCLI",
      dependencies: [
        "TrailwatchKit",
        "TerraformSource",
        "Reporters",
        "Rules",
        "LanguageServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The `trailwatch` binary: a main that runs TrailwatchCLI, with the Swift runtime linked in.
    .executableTarget(name: "trailwatch", dependencies: ["TrailwatchCLI"], linkerSettings: staticRuntime),
    // libFuzzer targets, built only by scripts/fuzz (with -DFUZZING and the fuzzer sanitizer); an
    // ordinary build compiles each to a placeholder that says so.
    .target(name: "CFuzzerDriver"),
    .executableTarget(name: "FuzzYAMLReader", dependencies: ["SourceMap", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzJSONReader", dependencies: ["SourceMap", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzHCLReader", dependencies: ["SourceMap", "CFuzzerDriver"]),
    .executableTarget(name: "FuzzPipeline", dependencies: ["TrailwatchKit", "SourceMap", "CFuzzerDriver"]),
    .testTarget(name: "SourceMapTests", dependencies: ["SourceMap"]),
    .testTarget(name: "TerraformSourceTests", dependencies: ["TerraformSource", "InfraModel", "SourceMap"]),
    .testTarget(name: "RulesTests", dependencies: ["TrailwatchKit", "Rules", "SourceMap"]),
    .testTarget(
      name: "TrailwatchKitTests", dependencies: ["TrailwatchKit", "TerraformSource", "Rules", "Reporters", "SourceMap"]),
    // Templates as CloudFormation evaluates them, linted end to end: exact findings in YAML and JSON.
    .testTarget(name: "CloudFormationTests", dependencies: ["TrailwatchKit", "Rules", "SourceMap"]),
    .testTarget(
      name: "TerraformPlanTests", dependencies: ["TerraformPlan", "TrailwatchKit", "InfraModel", "Rules", "SourceMap"]),
    // Each reporter on hand-made reports: escaping, limits, fingerprints, paths.
    .testTarget(name: "ReportersTests", dependencies: ["Reporters", "Rules", "SourceMap"]),
    .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer"]),
    // Hostile inputs (alias bombs, deep nesting, bad encodings, huge files, evaluation bombs) and the
    // inputs the fuzzers found, each with its exact outcome.
    .testTarget(
      name: "HostileInputTests", dependencies: ["TrailwatchKit", "Rules"], exclude: ["FuzzRegressions"]),
    // Runs the built `trailwatch` binary as a user would and pins its output and exit codes.
    .testTarget(name: "CLITests", dependencies: ["TrailwatchCLI"], exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
