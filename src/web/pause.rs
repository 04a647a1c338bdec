//! Waiting for a pause: work that follows a value the reader is dragging (the panels below the
//! first screen, the screen reader's announcement, the address bar) waits until it stops changing.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;

/// Runs the last work handed to it once `ms` have passed without newer work: one timer for the
/// length of a drag, not one an input.
///
/// A timer set and cleared on every input (as each of the three waits did until the fourteenth
/// session) costs a closure handed to JavaScript, a `setTimeout` and a `clearTimeout` an input,
/// three times over. Here an input only replaces the waiting work; the timer looks every half
/// `ms` and runs the work at the second look that found nothing newer. So the work runs after a
/// gap of at least `ms` between two inputs, never after a shorter one, and at most `1.5 × ms`
/// after the last input.
pub struct Pause(Rc<RefCell<Waiting>>);

struct Waiting {
    /// Half the pause: how often the timer looks.
    half_ms: u32,
    work: Option<Box<dyn FnOnce()>>,
    /// Work came since the timer last looked.
    newer: bool,
    /// Looks in a row that found nothing newer.
    quiet: u8,
    /// The running timer (dropping it cancels it). It holds the state weakly: a dropped `Pause`
    /// cancels its timer instead of being kept alive by it.
    timer: Option<Timeout>,
}

impl Pause {
    pub fn new(ms: u32) -> Pause {
        Pause(Rc::new(RefCell::new(Waiting {
            half_ms: ms.div_ceil(2),
            work: None,
            newer: false,
            quiet: 0,
            timer: None,
        })))
    }

    /// Runs `work` once a pause comes, instead of the work waiting, if any.
    pub fn after(&self, work: impl FnOnce() + 'static) {
        let mut waiting = self.0.borrow_mut();
        waiting.work = Some(Box::new(work));
        waiting.newer = true;
        if waiting.timer.is_none() {
            waiting.quiet = 0;
            waiting.newer = false;
            waiting.timer = Some(look_after(Rc::downgrade(&self.0), waiting.half_ms));
        }
    }

    /// Runs the waiting work now, if any (a drag has ended).
    pub fn now(&self) {
        let work = {
            let mut waiting = self.0.borrow_mut();
            waiting.timer = None;
            waiting.work.take()
        };
        if let Some(work) = work {
            work();
        }
    }

    /// Drops the waiting work, if any.
    pub fn cancel(&self) {
        let mut waiting = self.0.borrow_mut();
        waiting.timer = None;
        waiting.work = None;
    }
}

fn look_after(state: Weak<RefCell<Waiting>>, ms: u32) -> Timeout {
    Timeout::new(ms, move || {
        let Some(state) = state.upgrade() else { return };
        let work = {
            let mut waiting = state.borrow_mut();
            if waiting.newer {
                waiting.newer = false;
                waiting.quiet = 0;
            } else {
                waiting.quiet += 1;
            }
            if waiting.quiet < 2 {
                // Replaces the timer running this closure; wasm-bindgen frees a closure dropped
                // while it runs once it returns.
                waiting.timer = Some(look_after(Rc::downgrade(&state), waiting.half_ms));
                return;
            }
            waiting.timer = None;
            waiting.work.take()
        };
        if let Some(work) = work {
            work();
        }
    })
}
