/// The profiles that ship inside the binary, as the YAML bytes of each file in
/// this folder. Each file must also be listed under `resources` in Package.swift.
public let bundledProfiles: [(file: String, bytes: [UInt8])] = [
    ("serverless-functions.yaml", PackageResources.serverless_functions_yaml),
    // Starter profiles: generic examples in the seed page's form, to adapt (see pages/).
    ("ci-cd-pipelines.yaml", PackageResources.ci_cd_pipelines_yaml),
    ("cloud-cost-and-finops.yaml", PackageResources.cloud_cost_and_finops_yaml),
    ("cloud-networking.yaml", PackageResources.cloud_networking_yaml),
    ("cloud-security.yaml", PackageResources.cloud_security_yaml),
    ("containers-and-kubernetes.yaml", PackageResources.containers_and_kubernetes_yaml),
    ("infrastructure-as-code.yaml", PackageResources.infrastructure_as_code_yaml),
    ("managed-databases.yaml", PackageResources.managed_databases_yaml),
    ("observability.yaml", PackageResources.observability_yaml),
]
