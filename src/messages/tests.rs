//! The catalogue is complete: both languages have every message the code
//! uses, with the same attributes and variables, and nothing unused.

use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// id → (attributes, variables) of one language's catalogue.
type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn shape(lang: &str, files: impl Iterator<Item = (&'static str, &'static str)>) -> Shape {
    let mut out = Shape::new();
    for (name, text) in files {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, e)| panic!("locales/{lang}/{name}.ftl: {e:?}"));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(v) = &m.value {
                        variables(v, &mut vars);
                    }
                    let mut attrs = BTreeSet::new();
                    for a in &m.attributes {
                        attrs.insert(a.id.name.to_string());
                        variables(&a.value, &mut vars);
                    }
                    let id = m.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), (attrs, vars)).is_none(),
                        "locales/{lang}/{name}.ftl: `{id}` is defined twice"
                    );
                }
                ast::Entry::Junk { content } => {
                    panic!("locales/{lang}/{name}.ftl: cannot read {content:?}")
                }
                _ => {}
            }
        }
    }
    out
}

fn variables(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        _ => {}
    }
}

fn catalogues() -> (Shape, Shape) {
    (
        shape("vi", FILES.iter().map(|(n, vi, _)| (*n, *vi))),
        shape("en", FILES.iter().map(|(n, _, en)| (*n, *en))),
    )
}

#[test]
fn both_languages_have_the_same_messages_attributes_and_variables() {
    let (vi, en) = catalogues();
    let mut problems = vec![];
    for (id, shape) in &vi {
        match en.get(id) {
            None => problems.push(format!("`{id}` has no English")),
            Some(e) if e != shape => problems.push(format!(
                "`{id}`: Vietnamese has {shape:?}, English has {e:?} (attributes, variables)"
            )),
            _ => {}
        }
    }
    for id in en.keys().filter(|id| !vi.contains_key(*id)) {
        problems.push(format!("`{id}` has no Vietnamese"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_code_has_a_fix_and_an_example() {
    let (vi, _) = catalogues();
    let examples = examples();
    for (id, (attrs, vars)) in vi.iter().filter(|(id, _)| is_code(id)) {
        assert!(
            attrs.contains("help"),
            "`{id}` has no `.help` (the fix the guides print)"
        );
        let example = examples
            .get(id)
            .unwrap_or_else(|| panic!("`{id}` has no `# example:` comment in locales/vi"));
        let given: BTreeSet<String> = example.iter().map(|(k, _)| k.to_string()).collect();
        assert_eq!(
            &given, vars,
            "`{id}`'s example gives other variables than it uses"
        );
    }
}

/// Every message id written in the code (`msg!("…")`, `"G0104"`), and where.
fn ids_in_source() -> BTreeMap<String, String> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        // This file quotes `msg!(` in its own code.
        if entry.path().extension().is_none_or(|e| e != "rs")
            || entry.path().ends_with("messages/tests.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let rel = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        // `msg!(` then the id, on the same line or the next (rustfmt
        // moves a long call's arguments down).
        let mut rest = text.as_str();
        while let Some(at) = rest.find("msg!(") {
            let before = &rest[..at];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            rest = &rest[at + 5..];
            if before[line_start..].trim_start().starts_with("//") {
                continue; // documentation shows made-up ids
            }
            let args = rest.trim_start();
            let Some(args) = args.strip_prefix('"') else {
                continue;
            };
            let id = &args[..args.find('"').unwrap_or(args.len())];
            let line = text.len() - rest.len();
            let n = text[..line].matches('\n').count() + 1;
            out.insert(id.to_string(), format!("src/{rel}:{n}"));
        }
    }
    out
}

#[test]
fn every_message_the_code_uses_is_in_the_catalogue_and_none_is_unused() {
    let (vi, _) = catalogues();
    let used = ids_in_source();
    let mut problems = vec![];
    for (id, at) in &used {
        let (name, attr) = split(id);
        match vi.get(name) {
            None => problems.push(format!("{at}: `{id}` is not in the catalogue")),
            Some((attrs, _)) if attr.is_some_and(|a| !attrs.contains(a)) => {
                problems.push(format!("{at}: `{id}`: no such attribute"))
            }
            _ => {}
        }
    }
    let used_names: BTreeSet<&str> = used.keys().map(|id| split(id).0).collect();
    for id in vi.keys().filter(|id| !used_names.contains(id.as_str())) {
        problems.push(format!("`{id}` is in the catalogue but no code uses it"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_renders_in_both_languages_without_errors() {
    let examples = examples();
    let (vi, _) = catalogues();
    for (id, (attrs, vars)) in &vi {
        let args: Vec<(&str, Arg)> = match examples.get(id) {
            Some(e) => e.clone(),
            None => vars.iter().map(|v| (leak(v), Arg::Count(2))).collect(),
        };
        for lang in Lang::ALL {
            let bundle = &BUNDLES[lang as usize];
            let m = bundle.get_message(id).unwrap();
            let mut fargs = FluentArgs::new();
            for (k, v) in &args {
                match v {
                    Arg::Text(s) | Arg::Decimal(s) => fargs.set(*k, FluentValue::from(s.as_str())),
                    Arg::Count(n) => fargs.set(*k, FluentValue::from(*n)),
                }
            }
            let mut patterns: Vec<_> = m.value().into_iter().collect();
            patterns.extend(attrs.iter().map(|a| m.get_attribute(a).unwrap().value()));
            for p in patterns {
                let mut errors = vec![];
                let text = bundle.format_pattern(p, Some(&fargs), &mut errors);
                assert!(errors.is_empty(), "`{id}` in {lang:?}: {errors:?}");
                assert!(!text.trim().is_empty(), "`{id}` in {lang:?} is empty");
            }
        }
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

#[test]
fn the_environment_chooses_english_only_when_it_says_english() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(from_env(env(&[])), Lang::Vi);
    assert_eq!(from_env(env(&[("LANG", "C.UTF-8")])), Lang::Vi);
    assert_eq!(from_env(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
    assert_eq!(from_env(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
    assert_eq!(
        from_env(env(&[("LC_ALL", "vi_VN.UTF-8"), ("LANG", "en_US.UTF-8")])),
        Lang::Vi
    );
    assert_eq!(
        from_env(env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "en_US"),
            ("LANG", "vi_VN")
        ])),
        Lang::En
    );
}

#[test]
fn decimals_are_written_as_each_language_writes_them() {
    let args = [("seconds", Arg::decimal(1.0849, 2))];
    assert!(render(
        Lang::Vi,
        "serve-started",
        &[
            ("profiles", Arg::Count(3)),
            ("address", Arg::from("x")),
            args[0].clone()
        ]
    )
    .contains("1,08"));
    assert!(render(
        Lang::En,
        "serve-started",
        &[
            ("profiles", Arg::Count(3)),
            ("address", Arg::from("x")),
            args[0].clone()
        ]
    )
    .contains("1.08"));
}

#[test]
fn counts_choose_the_plural_form_and_no_isolation_marks_are_added() {
    let one = render(Lang::En, "build-failed", &[("count", Arg::Count(1))]);
    let two = render(Lang::En, "build-failed", &[("count", Arg::Count(2))]);
    assert_ne!(one.replace('1', ""), two.replace('2', ""), "{one} / {two}");
    assert!(!one.contains('\u{2068}') && !one.contains('\u{2069}'));
}
