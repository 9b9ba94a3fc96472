//! The terminal explorer (grows with the tui issue).
