//! The VM side of string formatting: `str % args`, `format(v, spec)` (and
//! f-string fields), and `str.format`. Parsing and the digit-level work live in
//! `crate::format`; this module fetches arguments and converts values.

use crate::format::template::{Accessor, ArgRef, Conversion, TplPiece};
use crate::format::{self, FmtError, PctKind, PctPiece};
use crate::interp::ops::as_bigint;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: Value) -> PyResult<String> {
    let pieces = format::percent::parse_percent(fmt).map_err(|e| vm.fmt_error(e))?;
    percent_format_pieces(vm, &pieces, args)
}

/// `fmt % args` where `fmt` is a str object: constant formats are parsed once.
pub fn percent_format_obj(
    vm: &mut Vm,
    fmt: crate::runtime::heap::Gc<StrObj>,
    args: Value,
) -> PyResult<String> {
    if !fmt.is_pinned() {
        return percent_format(vm, fmt.as_str(), args);
    }
    let key = fmt.addr();
    let pieces = match vm.pct_cache.get(&key) {
        Some(p) => p.clone(),
        None => {
            let p = std::rc::Rc::new(
                format::percent::parse_percent(fmt.as_str()).map_err(|e| vm.fmt_error(e))?,
            );
            vm.pct_cache.insert(key, p.clone());
            p
        }
    };
    percent_format_pieces(vm, &pieces, args)
}

fn percent_format_pieces(vm: &mut Vm, pieces: &[PctPiece], args: Value) -> PyResult<String> {
    let (positional, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.items.to_vec(), None),
        Value::Dict(_) => (vec![args], Some(args)),
        other => (vec![other], None),
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut take = |vm: &mut Vm| -> PyResult<Value> {
        let v = positional.get(next).copied();
        next += 1;
        v.ok_or_else(|| {
            let e = format::percent::pct_not_enough_args();
            vm.fmt_error(e)
        })
    };
    let mut used_mapping = false;
    for p in pieces {
        match p {
            PctPiece::Literal(s) => out.push_str(s),
            PctPiece::Conv(c) => {
                let sw = if c.width == format::percent::PctNum::Star {
                    Some(star_arg(vm, &mut take, true)?)
                } else {
                    None
                };
                let sp = if c.prec == format::percent::PctNum::Star {
                    Some(star_arg(vm, &mut take, false)?)
                } else {
                    None
                };
                let (width, prec) = c.resolve(sw, sp);
                let v = match &c.key {
                    Some(k) => {
                        let Some(m) = mapping else {
                            return Err(vm.fmt_error(format::percent::pct_requires_mapping()));
                        };
                        used_mapping = true;
                        let key = vm.new_str(k.as_str());
                        vm.getitem(m, key)?
                    }
                    None => take(vm)?,
                };
                let kind = c.kind().map_err(|e| vm.fmt_error(e))?;
                // The plain cases go straight into the output, as `output`
                // would lay them out: a str's own text for `%s`, an int's
                // digits for `%d` (sign, width and the `-`/`0` flags; no
                // precision).
                match (kind, v) {
                    (PctKind::Str, Value::Str(s)) if width.is_none() && prec.is_none() => {
                        out.push_str(s.as_str());
                        continue;
                    }
                    (PctKind::Int, Value::Int(i))
                        if prec.is_none()
                            && matches!(c.conv, 'd' | 'i' | 'u')
                            && width.is_none_or(|w| (0..=4096).contains(&w)) =>
                    {
                        push_int(&mut out, i, c, width.unwrap_or(0) as usize);
                        continue;
                    }
                    _ => {}
                }
                let r: Result<String, FmtError> = match kind {
                    PctKind::Int => match v {
                        Value::Float(_) if matches!(c.conv, 'x' | 'X' | 'o') => {
                            return Err(vm.type_error(&format!(
                                "%{} format: an integer is required, not float",
                                c.conv
                            )));
                        }
                        Value::Float(f) => {
                            if !f.is_finite() {
                                let msg = if f.is_nan() {
                                    "cannot convert float NaN to integer"
                                } else {
                                    "cannot convert float infinity to integer"
                                };
                                return Err(vm.new_exception_msg(
                                    if f.is_nan() {
                                        "ValueError"
                                    } else {
                                        "OverflowError"
                                    },
                                    msg,
                                ));
                            }
                            format::percent::pct_int(
                                &crate::interp::ops::float_to_bigint(f.trunc()),
                                &c,
                                width,
                                prec,
                            )
                        }
                        Value::Int(i) => format::percent::pct_i64(i, &c, width, prec),
                        Value::Bool(b) => format::percent::pct_i64(b as i64, &c, width, prec),
                        _ => match as_bigint(v) {
                            Some(b) => format::percent::pct_int(&b, &c, width, prec),
                            None => {
                                let tn = vm.type_name(v);
                                Err(format::percent::pct_int_type_error(&c, &tn))
                            }
                        },
                    },
                    PctKind::Float => match to_f64(vm, v)? {
                        Some(f) => format::percent::pct_float(f, &c, width, prec),
                        None => {
                            let tn = vm.type_name(v);
                            Err(format::percent::pct_float_type_error(&tn))
                        }
                    },
                    PctKind::Str => {
                        let s = vm.str_of(v)?;
                        format::percent::pct_str(&s, &c, width, prec)
                    }
                    PctKind::Repr => {
                        let s = vm.repr(v)?;
                        format::percent::pct_str(&s, &c, width, prec)
                    }
                    PctKind::Ascii => {
                        let s = vm.repr(v)?;
                        format::percent::pct_str(&super::text::ascii_repr(&s), &c, width, prec)
                    }
                    PctKind::Char => {
                        let ch = match v {
                            Value::Str(s) => format::percent::pct_char_from_str(s.as_str()),
                            _ => match as_bigint(v) {
                                Some(b) => format::percent::pct_char_from_int(&b),
                                None => Err(format::percent::pct_char_type_error()),
                            },
                        };
                        ch.and_then(|ch| format::percent::pct_str(&ch.to_string(), &c, width, prec))
                    }
                };
                out.push_str(&r.map_err(|e| vm.fmt_error(e))?);
            }
        }
    }
    if mapping.is_none()
        && next < positional.len()
        && !(positional.len() == 1 && next == 0 && matches!(args, Value::Dict(_)))
    {
        return Err(vm.fmt_error(format::percent::pct_not_all_converted()));
    }
    let _ = used_mapping;
    Ok(out)
}

/// `%d` of an int without precision, appended to `out` (see `percent::output`).
fn push_int(out: &mut String, i: i64, c: &format::percent::PctConv, width: usize) {
    let mut buf = [0u8; 20];
    let digits = crate::format::decimal_digits(i.unsigned_abs(), &mut buf);
    let sign = if i < 0 {
        Some('-')
    } else if c.sign {
        Some('+')
    } else if c.blank {
        Some(' ')
    } else {
        None
    };
    let pad = width.saturating_sub(digits.len() + sign.is_some() as usize);
    if c.ljust {
        out.extend(sign);
        out.push_str(digits);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if c.zero {
        out.extend(sign);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(digits);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.extend(sign);
        out.push_str(digits);
    }
}

fn star_arg(
    vm: &mut Vm,
    take: &mut dyn FnMut(&mut Vm) -> PyResult<Value>,
    width: bool,
) -> PyResult<i64> {
    let v = take(vm)?;
    match as_bigint(v) {
        Some(b) => {
            let r = if width {
                format::percent::pct_star_width(&b)
            } else {
                format::percent::pct_star_prec(&b)
            };
            r.map_err(|e| vm.fmt_error(e))
        }
        None => Err(vm.fmt_error(format::percent::pct_star_type_error())),
    }
}

fn to_f64(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(f),
        Value::Int(i) => Some(i as f64),
        Value::Bool(b) => Some(b as i64 as f64),
        Value::BigInt(b) => Some(format::spec::bigint_to_f64(&b.0).map_err(|e| vm.fmt_error(e))?),
        _ => None,
    })
}

impl Vm {
    /// `format(v, spec)`; `spec` None is `format(v)` (= `str(v)`).
    pub fn format_value(&mut self, v: Value, spec: Option<Value>) -> PyResult<Value> {
        let spec_s = match spec {
            None => String::new(),
            Some(Value::Str(s)) => s.as_str().to_string(),
            Some(other) => {
                let tn = self.type_name(other);
                return Err(self.type_error(&format!("format() argument 2 must be str, not {tn}")));
            }
        };
        let s = self.format_to_string(v, &spec_s)?;
        Ok(self.new_str(s))
    }

    pub fn format_to_string(&mut self, v: Value, spec: &str) -> PyResult<String> {
        // A class's own `__format__` decides, empty spec included.
        if let Value::Instance(_) = v {
            let spec_v = self.new_str(spec);
            if let Some(r) = self.call_special(v, "__format__", &[spec_v])? {
                return match r {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    other => {
                        let tn = self.type_name(other);
                        Err(self.type_error(&format!("__format__ must return a str, not {tn}")))
                    }
                };
            }
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        let tn = self.type_name(v);
        let parsed = match format::parse_spec(spec, &tn) {
            Ok(p) => p,
            Err(msg) => return Err(self.value_error(&msg)),
        };
        let r = match v {
            Value::Int(i) => format::format_i64(i, &parsed, &tn),
            // bool.__format__ is int.__format__ for a non-empty spec.
            Value::Bool(b) => format::format_i64(b as i64, &parsed, &tn),
            Value::BigInt(b) => format::format_int(&b.0, &parsed, &tn),
            Value::Float(f) => format::format_float(f, &parsed, &tn),
            Value::Str(s) => format::format_str(s.as_str(), &parsed, &tn),
            _ => {
                return Err(self.type_error(&format!(
                    "unsupported format string passed to {tn}.__format__"
                )));
            }
        };
        r.map_err(|e| self.fmt_error(e))
    }

    /// `template.format(*args, **kwargs)`.
    pub fn str_format(&mut self, template: &str, args: &[Value], kw: Kwargs) -> PyResult<String> {
        let pieces = format::template::parse_template_lazy(template);
        let mut out = String::new();
        self.render_template(&pieces, args, kw, &mut out)?;
        Ok(out)
    }

    fn render_template(
        &mut self,
        pieces: &[TplPiece],
        args: &[Value],
        kw: Kwargs,
        out: &mut String,
    ) -> PyResult<()> {
        for p in pieces {
            match p {
                TplPiece::Literal(s) => out.push_str(s),
                TplPiece::Error(e) => return Err(self.fmt_error(e.clone())),
                TplPiece::Field(f) => {
                    let arg = f.arg.clone().map_err(|e| self.fmt_error(e))?;
                    let mut v = match arg {
                        ArgRef::Index(i) => match args.get(i) {
                            Some(v) => *v,
                            None => {
                                return Err(self.new_exception_msg(
                                    "IndexError",
                                    &format::template::replacement_index_error(i),
                                ))
                            }
                        },
                        ArgRef::Name(n) => match kw.iter().find(|(k, _)| k.as_str() == n) {
                            Some((_, v)) => *v,
                            None => {
                                let k = self.new_str(n.as_str());
                                return Err(self.new_exception("KeyError", vec![k]));
                            }
                        },
                    };
                    for a in &f.accessors {
                        v = match a {
                            Accessor::Attr(n) => {
                                let name = self.intern(n);
                                self.getattr(v, name)?
                            }
                            Accessor::Index(i) => self.getitem(v, Value::Int(*i as i64))?,
                            Accessor::Key(k) => {
                                let key = self.new_str(k.as_str());
                                self.getitem(v, key)?
                            }
                        };
                    }
                    if let Some(e) = &f.accessor_error {
                        return Err(self.fmt_error(e.clone()));
                    }
                    let conv = f.conversion_kind().map_err(|e| self.fmt_error(e))?;
                    if let Some(c) = conv {
                        let s = match c {
                            Conversion::Repr => self.repr(v)?,
                            Conversion::Str => self.str_of(v)?,
                            Conversion::Ascii => {
                                let r = self.repr(v)?;
                                super::text::ascii_repr(&r)
                            }
                        };
                        v = self.new_str(s);
                    }
                    let spec = match &f.nested {
                        Some(nested) => {
                            let mut s = String::new();
                            self.render_template(nested, args, kw, &mut s)?;
                            s
                        }
                        None => f.spec.clone(),
                    };
                    let s = self.format_to_string(v, &spec)?;
                    out.push_str(&s);
                }
            }
        }
        Ok(())
    }
}
