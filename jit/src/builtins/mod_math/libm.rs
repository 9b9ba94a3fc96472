//! The libm functions Rust's `f64` lacks or rounds differently, called
//! as CPython calls them.

// glibc's libm (linked by std on Linux), which CPython calls too.
extern "C" {
    pub(super) fn erf(x: f64) -> f64;
    pub(super) fn erfc(x: f64) -> f64;
    pub(super) fn nextafter(x: f64, y: f64) -> f64;
    pub(super) fn frexp(x: f64, e: *mut i32) -> f64;
    pub(super) fn ldexp(x: f64, e: i32) -> f64;
    pub(super) fn modf(x: f64, ip: *mut f64) -> f64;
    pub(super) fn expm1(x: f64) -> f64;
    pub(super) fn log1p(x: f64) -> f64;
    pub(super) fn exp2(x: f64) -> f64;
    fn dlopen(file: *const std::ffi::c_char, mode: i32) -> *mut std::ffi::c_void;
    fn dlsym(handle: *mut std::ffi::c_void, name: *const std::ffi::c_char)
        -> *mut std::ffi::c_void;
}

type CFn = extern "C" fn(f64) -> f64;

/// glibc's own `name` from libm.so.6, as CPython calls it: Rust links its own
/// (differently rounded) cbrt and computes asinh/acosh/atanh itself, so these
/// are looked up at run time; `fallback` if that fails.
pub(super) fn call_libm(
    cache: &'static std::sync::OnceLock<Option<CFn>>,
    name: &std::ffi::CStr,
    fallback: fn(f64) -> f64,
    x: f64,
) -> f64 {
    // SAFETY: dlopen/dlsym get NUL-terminated names; a symbol found in
    // libm.so.6 under one of the names we ask for (cbrt, asinh, acosh,
    // atanh) is a C function `double f(double)`, the type it is cast to.
    // The handle is never closed, so the pointer stays valid.
    let f = cache.get_or_init(|| unsafe {
        let h = dlopen(c"libm.so.6".as_ptr(), 1);
        let p = if h.is_null() {
            std::ptr::null_mut()
        } else {
            dlsym(h, name.as_ptr())
        };
        if p.is_null() {
            None
        } else {
            Some(std::mem::transmute::<*mut std::ffi::c_void, CFn>(p))
        }
    });
    match f {
        Some(f) => f(x),
        None => fallback(x),
    }
}

pub(super) static CBRT: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();
pub(super) static ASINH: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();
pub(super) static ACOSH: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();
pub(super) static ATANH: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();
