/// The profiles that ship inside the binary, as the YAML bytes of each file in
/// this folder. Each file must also be listed under `resources` in Package.swift.
public let bundledProfiles: [(file: String, bytes: [UInt8])] = [
    ("serverless-functions.yaml", PackageResources.serverless_functions_yaml),
]
