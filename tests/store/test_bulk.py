import gc
import threading

from housingmatch.store.bulk import gc_paused


def test_gc_is_paused_and_restored_even_when_nested_across_threads():
    assert gc.isenabled()
    inner_done = threading.Event()
    release = threading.Event()

    def other_thread():
        with gc_paused():
            inner_done.set()
            release.wait(5)

    with gc_paused():
        assert not gc.isenabled()
        worker = threading.Thread(target=other_thread)
        worker.start()
        inner_done.wait(5)
    # The other thread still reads in bulk: the collector stays paused until it is done.
    assert not gc.isenabled()
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_gc_left_disabled_by_the_caller_stays_disabled():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
