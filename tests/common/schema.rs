//! Every JSON document the suite sees is checked against the committed
//! schema of the subcommand that wrote it (`schemas/<name>.json`), formats
//! (`date`, `date-time`) included.

use std::path::Path;

/// The subcommands with a `--format json` and a schema of their own.
const WITH_SCHEMA: [&str; 9] = [
    "audit", "blockers", "digest", "inbox", "log", "mentions", "search", "stats", "team",
];

/// Whether `args` ask for JSON.
pub fn asks_for_json(args: &[&str]) -> bool {
    args.windows(2).any(|w| w == ["--format", "json"]) || args.contains(&"--format=json")
}

/// Validates `stdout` of `async-up args` against its subcommand's schema.
pub fn validate(args: &[&str], stdout: &[u8]) {
    let Some(name) = args.iter().find(|a| WITH_SCHEMA.contains(a)) else {
        panic!("async-up {args:?} printed JSON, but no schema is known for it");
    };
    let doc: serde_json::Value = serde_json::from_slice(stdout).expect("JSON on stdout");
    let errors = errors(name, &doc);
    assert!(
        errors.is_empty(),
        "async-up {args:?} does not match schemas/{name}.json:\n{}\n{doc:#}",
        errors.join("\n")
    );
}

/// What in `doc` breaks `schemas/<name>.json`, one line each.
pub fn errors(name: &str, doc: &serde_json::Value) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{name}.json"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("schema file")).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}
