//! Standard-library modules jitprof implements in Python: their source is
//! compiled into the binary and run like a module file when imported.
//!
//! Why Python for these: they are plain Python in CPython too, made of
//! classes and data; written in Python they behave exactly as Python code
//! (attributes, reprs, subclassing) with nothing to keep in sync by hand.

/// The source of the embedded module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    match name {
        "__future__" => Some(include_str!("pysrc/__future__.py")),
        "_generic_alias" => Some(include_str!("pysrc/_generic_alias.py")),
        "typing" => Some(include_str!("pysrc/typing.py")),
        "abc" => Some(include_str!("pysrc/abc.py")),
        "dataclasses" => Some(include_str!("pysrc/dataclasses.py")),
        "enum" => Some(include_str!("pysrc/enum.py")),
        "_pyextras" => Some(include_str!("pysrc/_pyextras.py")),
        "collections.abc" => Some(include_str!("pysrc/collections_abc.py")),
        "io" => Some(include_str!("pysrc/io.py")),
        "contextlib" => Some(include_str!("pysrc/contextlib.py")),
        "os" => Some(include_str!("pysrc/os.py")),
        "posixpath" => Some(include_str!("pysrc/posixpath.py")),
        "json" => Some(include_str!("pysrc/json.py")),
        "re" => Some(include_str!("pysrc/re.py")),
        "json.decoder" => Some(include_str!("pysrc/json_decoder.py")),
        "json.encoder" => Some(include_str!("pysrc/json_encoder.py")),
        _ => None,
    }
}

/// What the paths of embedded modules start with.
const PATH_PREFIX: &str = "<jitprof>/";

/// The path embedded modules show in `__file__` and tracebacks.
pub fn path(name: &str) -> String {
    match name {
        // Packages: the modules above have submodules.
        "json" => format!("{PATH_PREFIX}{name}/__init__.py"),
        _ => format!("{PATH_PREFIX}{}.py", name.replace('.', "/")),
    }
}

/// Whether `path` is an embedded module's (`path`).
pub fn is_embedded(path: &str) -> bool {
    path.starts_with(PATH_PREFIX)
}
