//! User Timing marks around the work a keystroke causes, so that DevTools' performance
//! panel and the benchmark (`bench/`) see how long the engine took in the page:
//! `performance.getEntriesByName("lectern search")` (and `"lectern details"`: the
//! excerpts and title marks of the results shown).

/// Runs `work`, recording its duration as a `performance.measure` named `name`.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = gloo::utils::window().performance() else { return work() };
    let start = format!("{name} start");
    let _ = performance.mark(&start);
    let out = work();
    let _ = performance.measure_with_start_mark(name, &start);
    performance.clear_marks_with_mark_name(&start);
    out
}
