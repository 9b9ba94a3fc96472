//! Finding functions: by the name `--function` gives, and by position (the
//! functions around a line, for headers and the JSON's `function` field).

use profile::{Function, FunctionKind, Profile};

/// The Python functions named `name` (name or qualname). When there are
/// none, the error says what there is instead: similar names if any, else
/// the functions that ran, hottest first.
pub fn by_name<'a>(p: &'a Profile, name: &str) -> Result<Vec<&'a Function>, String> {
    let named: Vec<&Function> = p
        .functions
        .iter()
        .filter(|f| f.name == name || f.qualname == name)
        .collect();
    let python: Vec<&Function> = named.iter().copied().filter(|f| f.file.is_some()).collect();
    if !python.is_empty() {
        return Ok(python);
    }
    if let Some(b) = named
        .iter()
        .find(|f| f.kind == FunctionKind::Builtin || f.file.is_none())
    {
        return Err(format!(
            "`{}` is a built-in function: it has no source to annotate",
            b.qualname
        ));
    }
    let mut known: Vec<&Function> = p.functions.iter().filter(|f| f.file.is_some()).collect();
    known.sort_by(|a, b| b.self_ns.cmp(&a.self_ns).then(a.qualname.cmp(&b.qualname)));
    let similar: Vec<&str> = dedup(
        known
            .iter()
            .filter(|f| similar(name, &f.name) || similar(name, &f.qualname))
            .map(|f| f.qualname.as_str()),
    );
    if !similar.is_empty() {
        return Err(format!(
            "no function named `{name}`; similar: {}",
            similar.into_iter().take(10).collect::<Vec<_>>().join(", ")
        ));
    }
    let all = dedup(known.iter().map(|f| f.qualname.as_str()));
    if all.is_empty() {
        return Err(format!(
            "no function named `{name}`: the profile has no Python functions"
        ));
    }
    let more = if all.len() > 20 {
        format!(" (and {} more)", all.len() - 20)
    } else {
        String::new()
    };
    Err(format!(
        "no function named `{name}`; functions in this profile: {}{more}",
        all.into_iter().take(20).collect::<Vec<_>>().join(", ")
    ))
}

fn dedup<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Case-insensitive containment either way, or a couple of typos.
fn similar(asked: &str, name: &str) -> bool {
    let (a, n) = (asked.to_lowercase(), name.to_lowercase());
    if a.is_empty() || n.is_empty() {
        return false;
    }
    n.contains(&a) || a.contains(&n) || edit_distance(&a, &n) <= (a.chars().count() / 3).max(1)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The Python functions of `file`, outermost first (a module before a
/// function starting on its first line, an outer function before the
/// functions nested in it).
pub fn in_file(p: &Profile, file: u32) -> Vec<&Function> {
    let mut v: Vec<&Function> = p
        .functions
        .iter()
        .filter(|f| f.file == Some(file))
        .collect();
    v.sort_by(|a, b| {
        a.first_line
            .cmp(&b.first_line)
            .then(b.last_line.cmp(&a.last_line))
    });
    v
}

pub fn contains(f: &Function, line: u32) -> bool {
    f.first_line <= line && line <= f.last_line
}

/// The innermost function around `line` among `fns` (from `in_file`):
/// the latest to start, and of those the shortest.
pub fn innermost<'a>(fns: &[&'a Function], line: u32) -> Option<&'a Function> {
    fns.iter().rev().copied().find(|f| contains(f, line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use profile::fixture;

    #[test]
    fn finds_by_name_and_says_what_else_there_is() {
        let p = fixture::example();
        assert_eq!(by_name(&p, "fib").unwrap()[0].id, fixture::FIB);
        let e = by_name(&p, "fibb").unwrap_err();
        assert!(e.contains("similar: fib"), "{e}");
        let e = by_name(&p, "zzz").unwrap_err();
        assert!(
            e.contains("fib") && e.contains("total") && e.contains("<module>"),
            "{e}"
        );
        let e = by_name(&p, "print").unwrap_err();
        assert!(e.contains("built-in"), "{e}");
    }

    #[test]
    fn innermost_prefers_the_nested_function() {
        let p = fixture::example();
        let fns = in_file(&p, 0);
        assert_eq!(fns[0].name, "<module>");
        assert_eq!(innermost(&fns, 1).unwrap().name, "fib");
        assert_eq!(innermost(&fns, 9).unwrap().name, "total");
        assert_eq!(innermost(&fns, 12).unwrap().name, "<module>");
        assert!(innermost(&fns, 40).is_none());
    }
}
