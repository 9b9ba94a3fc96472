//! The runtime: values, the heap and the object types.
pub mod dict_table;
pub mod hash;
pub mod heap;
pub mod object;
pub mod set_table;
pub mod value;
