//! The release builds Windows binaries, but no Windows toolchain can run
//! here: this test reads the source instead. Every use of a Unix-only API
//! (`libc`, `signal_hook`'s iterator, `std::os::unix`, `std::os::fd`) must sit
//! under a `#[cfg(...)]` that only holds on Unix, so that the Windows build
//! takes the fallback next to it. The release workflow compiles the result.

use std::path::{Path, PathBuf};
use syn::punctuated::Punctuated;
use syn::visit::Visit;
use syn::{Attribute, Expr, Meta, Token, UseTree};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Paths that exist only on Unix targets.
fn unix_only(path: &str) -> bool {
    let path = path.replace(' ', "");
    ["libc::", "signal_hook::", "std::os::unix", "std::os::fd"]
        .iter()
        .any(|p| path.starts_with(p) || path == p.trim_end_matches(':'))
}

/// Whether a cfg predicate can only hold on a Unix target.
fn implies_unix(meta: &Meta) -> bool {
    const UNIX_OSES: &[&str] = &["linux", "macos", "freebsd", "openbsd", "netbsd", "android"];
    let list = |m: &syn::MetaList| {
        m.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            .map(|p| p.into_iter().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    match meta {
        Meta::Path(p) => p.is_ident("unix"),
        Meta::NameValue(nv) => {
            let value = match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => s.value(),
                _ => String::new(),
            };
            (nv.path.is_ident("target_os") && UNIX_OSES.contains(&value.as_str()))
                || (nv.path.is_ident("target_family") && value == "unix")
        }
        Meta::List(m) if m.path.is_ident("all") => list(m).iter().any(implies_unix),
        Meta::List(m) if m.path.is_ident("any") => {
            let parts = list(m);
            !parts.is_empty() && parts.iter().all(implies_unix)
        }
        Meta::List(_) => false,
    }
}

fn gated(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.parse_args::<Meta>().is_ok_and(|m| implies_unix(&m)))
}

fn expr_attrs(e: &Expr) -> &[Attribute] {
    match e {
        Expr::Block(x) => &x.attrs,
        Expr::Unsafe(x) => &x.attrs,
        Expr::If(x) => &x.attrs,
        Expr::Call(x) => &x.attrs,
        Expr::MethodCall(x) => &x.attrs,
        Expr::Macro(x) => &x.attrs,
        Expr::Let(x) => &x.attrs,
        Expr::Match(x) => &x.attrs,
        Expr::Closure(x) => &x.attrs,
        Expr::Assign(x) => &x.attrs,
        Expr::Path(x) => &x.attrs,
        Expr::ForLoop(x) => &x.attrs,
        Expr::While(x) => &x.attrs,
        Expr::Loop(x) => &x.attrs,
        _ => &[],
    }
}

struct Scan {
    file: String,
    depth: usize,
    found: Vec<String>,
}

impl Scan {
    fn within(&mut self, attrs: &[Attribute], visit: impl FnOnce(&mut Self)) {
        let g = gated(attrs);
        self.depth += usize::from(g);
        visit(self);
        self.depth -= usize::from(g);
    }

    fn check(&mut self, path: String) {
        if self.depth == 0 && unix_only(&path) {
            self.found.push(format!("{}: {path}", self.file));
        }
    }
}

fn use_paths(tree: &UseTree, prefix: String, out: &mut Vec<String>) {
    match tree {
        UseTree::Path(p) => use_paths(&p.tree, format!("{prefix}{}::", p.ident), out),
        UseTree::Name(n) => out.push(format!("{prefix}{}", n.ident)),
        UseTree::Rename(r) => out.push(format!("{prefix}{}", r.ident)),
        UseTree::Glob(_) => out.push(format!("{prefix}*")),
        UseTree::Group(g) => g
            .items
            .iter()
            .for_each(|t| use_paths(t, prefix.clone(), out)),
    }
}

impl<'ast> Visit<'ast> for Scan {
    fn visit_item(&mut self, i: &'ast syn::Item) {
        let attrs: &[Attribute] = match i {
            syn::Item::Fn(x) => &x.attrs,
            syn::Item::Mod(x) => &x.attrs,
            syn::Item::Use(x) => &x.attrs,
            syn::Item::Const(x) => &x.attrs,
            syn::Item::Static(x) => &x.attrs,
            syn::Item::Struct(x) => &x.attrs,
            syn::Item::Enum(x) => &x.attrs,
            syn::Item::Impl(x) => &x.attrs,
            syn::Item::Type(x) => &x.attrs,
            syn::Item::Trait(x) => &x.attrs,
            _ => &[],
        };
        self.within(attrs, |s| syn::visit::visit_item(s, i));
    }

    fn visit_impl_item_fn(&mut self, i: &'ast syn::ImplItemFn) {
        self.within(&i.attrs, |s| syn::visit::visit_impl_item_fn(s, i));
    }

    fn visit_local(&mut self, i: &'ast syn::Local) {
        self.within(&i.attrs, |s| syn::visit::visit_local(s, i));
    }

    fn visit_expr(&mut self, e: &'ast Expr) {
        self.within(expr_attrs(e), |s| syn::visit::visit_expr(s, e));
    }

    fn visit_arm(&mut self, a: &'ast syn::Arm) {
        self.within(&a.attrs, |s| syn::visit::visit_arm(s, a));
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut paths = Vec::new();
        use_paths(&u.tree, String::new(), &mut paths);
        paths.into_iter().for_each(|p| self.check(p));
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let text = p
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect::<Vec<_>>()
            .join("::");
        self.check(text);
        syn::visit::visit_path(self, p);
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Unix-only uses outside a Unix-only cfg, as "file: path".
fn ungated_uses(source: &str, file: &str) -> Vec<String> {
    let parsed = syn::parse_file(source).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut scan = Scan {
        file: file.to_string(),
        depth: usize::from(gated(&parsed.attrs)),
        found: Vec::new(),
    };
    scan.visit_file(&parsed);
    scan.found
}

#[test]
fn unix_only_calls_are_behind_cfg_unix() {
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join("src"), &mut files);
    files.sort();
    assert!(files.len() > 20, "the source was found");
    let found: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let name = f.strip_prefix(ROOT).unwrap().display().to_string();
            ungated_uses(&std::fs::read_to_string(f).unwrap(), &name)
        })
        .collect();
    assert!(
        found.is_empty(),
        "Unix-only calls the Windows build cannot compile; put them under \
         #[cfg(unix)] with a #[cfg(not(unix))] fallback:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_can_fail() {
    let source = r#"
        use std::os::unix::fs::PermissionsExt;
        fn a() { unsafe { libc::kill(1, 0) }; }
        #[cfg(unix)]
        fn b() { unsafe { libc::kill(1, 0) }; }
        fn c() {
            #[cfg(all(test, target_os = "linux"))]
            { let _ = std::os::unix::ffi::OsStrExt::as_bytes; }
            #[cfg(any(unix, windows))]
            { let _ = libc::ENOSPC; }
            #[cfg(not(unix))]
            let _ = libc::EINTR;
        }
    "#;
    let found = ungated_uses(source, "x.rs");
    assert_eq!(
        found,
        [
            "x.rs: std::os::unix::fs::PermissionsExt",
            "x.rs: libc::kill",
            "x.rs: libc::ENOSPC",
            "x.rs: libc::EINTR",
        ]
    );
    assert!(ungated_uses(&format!("#![cfg(unix)]\n{source}"), "x.rs").is_empty());
}
