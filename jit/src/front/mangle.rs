//! Private name mangling: inside a class `C`, an identifier `__spam` (two
//! leading underscores, not two trailing) means `_C__spam`, as CPython's
//! `_Py_Mangle`. Applied to attribute names, class-body names and
//! `__slots__` entries, so `obj._C__spam` and `vars(obj)` see what CPython
//! shows.

/// `name` as written inside class `class_name`: Some(mangled) when it is a
/// private name, None when it stays as is.
pub fn mangle(class_name: &str, name: &str) -> Option<String> {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return None;
    }
    let class = class_name.trim_start_matches('_');
    if class.is_empty() {
        return None;
    }
    Some(format!("_{class}{name}"))
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn private_names_only() {
        assert_eq!(mangle("Temp", "__x").as_deref(), Some("_Temp__x"));
        assert_eq!(mangle("__Temp", "__x").as_deref(), Some("_Temp__x"));
        assert_eq!(mangle("Temp", "__init__"), None);
        assert_eq!(mangle("Temp", "_x"), None);
        assert_eq!(mangle("___", "__x"), None);
        assert_eq!(mangle("Temp", "__a.b"), None);
    }
}
