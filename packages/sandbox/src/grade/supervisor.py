"""Runs a submission's programs one after another inside one gVisor sandbox.

Started by the host as the sandbox's init (PID 1) and its only root process; each program
runs as an unprivileged user in a fresh copy of the submission's files, so it can neither
read the supervisor's memory (the plan holds every test's input) nor signal it, write to its
pipes, or outlive its own run: after each run every other process in the sandbox is killed.

Reads the plan on stdin, frame by frame (a header, then one frame per run, each read only
when its run starts); writes one JSON line per event on stdout: {"start": i} before run i and
{"result": i, ...} after it. Expected outputs never come here: the host compares.
"""
import json
import os
import select
import shutil
import signal
import sys
import time

NOBODY = 65534
SOURCE = "/work/src"


def read_exactly(count):
    chunks = []
    while count > 0:
        chunk = os.read(0, count)
        if not chunk:
            raise EOFError("the plan ended early")
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def read_frame():
    """One frame of the plan: its length in bytes, a newline, then that much JSON. Read with
    exact reads, never ahead: what is not yet read stays in the pipe, not in this process."""
    digits = b""
    while not digits.endswith(b"\n"):
        digits += read_exactly(1)
    return json.loads(read_exactly(int(digits)))


def emit(event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def kill_everyone_else():
    # Only ever as the sandbox's init: kill(-1) spares init and nobody else.
    try:
        os.kill(-1, signal.SIGKILL)
    except ProcessLookupError:
        pass
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def clear_scratch():
    """/tmp is the one place besides a run's own directory a program may write: emptied
    between runs, so no run leaves anything (say, a hidden test's input) for a later one."""
    for name in os.listdir("/tmp"):
        path = os.path.join("/tmp", name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                os.unlink(path)
            except OSError:
                pass


def lock_down():
    """No program may write in /work but in its own run's copy, nor see into this process."""
    os.chmod("/work", 0o755)
    try:
        import ctypes

        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0: /proc/1/* is ours only
    except (OSError, AttributeError):
        pass


def fresh_copy(index):
    target = "/work/run-%d" % index
    shutil.copytree(SOURCE, target)
    for root, dirs, files in os.walk(target):
        os.chown(root, NOBODY, NOBODY)
        for name in files:
            os.chown(os.path.join(root, name), NOBODY, NOBODY)
    os.chmod(target, 0o755)
    return target


def read_ready(readable, open_fds, streams, output_bytes):
    """Reads what is ready; False when a stream went past the cap."""
    within = True
    for fd in readable:
        if fd not in open_fds:
            continue
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            continue
        if not chunk:
            open_fds.discard(fd)
            continue
        buffer = streams[fd]
        room = output_bytes - len(buffer)
        buffer.extend(chunk[: max(room, 0)])
        if len(chunk) > room:
            within = False
    return within


def drain(open_fds, streams, output_bytes):
    """After the exit: what is already in the pipes (a leftover child is killed next)."""
    for _ in range(64):
        readable, _, _ = select.select(list(open_fds), [], [], 0)
        if not readable or not read_ready(readable, open_fds, streams, output_bytes):
            return


def child_setup(cwd, env, stdin_r, stdout_w, stderr_w):
    """In a fresh child: its own session, the run's pipes as 0/1/2 and nothing else open, the
    default signal dispositions, then nobody in the run's directory."""
    os.setsid()
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.dup2(stdin_r, 0)
    os.dup2(stdout_w, 1)
    os.dup2(stderr_w, 2)
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)
    os.chdir(cwd)
    os.umask(0o022)
    os.environ.clear()
    os.environ.update(env)


def spawn(step, cwd, env):
    """Starts one run's program as nobody; returns its pid and our ends of its pipes."""
    stdin_r, stdin_w = os.pipe()
    stdout_r, stdout_w = os.pipe()
    stderr_r, stderr_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 127
        try:
            child_setup(cwd, env, stdin_r, stdout_w, stderr_w)
            os.execv(step["argv"][0], step["argv"])
        except BaseException:
            code = 126
        os._exit(code)
    for fd in (stdin_r, stdout_w, stderr_w):
        os.close(fd)
    return pid, stdin_w, stdout_r, stderr_r


def run(index, step, env, output_bytes):
    cwd = fresh_copy(index)
    started = time.monotonic()
    pid, stdin_w, stdout_r, stderr_r = spawn(step, cwd, dict(env, HOME=cwd))
    data = step["stdin"].encode()
    streams = {stdout_r: bytearray(), stderr_r: bytearray()}
    writing = stdin_w if data else None
    if writing is None:
        os.close(stdin_w)
    os.set_blocking(stdout_r, False)
    os.set_blocking(stderr_r, False)
    if writing is not None:
        os.set_blocking(writing, False)
    deadline = started + step["timeMs"] / 1000
    killed = None
    status = None
    usage = None
    open_fds = set(streams)
    while True:
        # The program's exit ends its run, even while a child it left holds the pipes open.
        done, wait_status, wait_usage = os.wait4(pid, os.WNOHANG)
        if done:
            status, usage = wait_status, wait_usage
            drain(open_fds, streams, output_bytes)
            break
        left = deadline - time.monotonic()
        if left <= 0:
            killed = "time_limit"
            break
        watched = list(open_fds) + [WAKEUP_READ]
        readable, writable, _ = select.select(
            watched, [writing] if writing is not None else [], [], left
        )
        if WAKEUP_READ in readable:
            os.read(WAKEUP_READ, 4096)
        if not read_ready(readable, open_fds, streams, output_bytes):
            killed = "output_limit"
            break
        if writable:
            try:
                sent = os.write(writing, data)
                data = data[sent:]
            except BrokenPipeError:
                data = b""
            if not data:
                os.close(writing)
                writing = None
    elapsed = time.monotonic() - started
    kill_everyone_else()
    for fd in [stdout_r, stderr_r] + ([writing] if writing is not None else []):
        os.close(fd)
    shutil.rmtree(cwd, ignore_errors=True)
    clear_scratch()
    result = {
        "result": index,
        "timeMs": round(elapsed * 1000),
        "stdout": bytes(streams[stdout_r]).decode("utf-8", "replace"),
        "stderr": bytes(streams[stderr_r]).decode("utf-8", "replace"),
    }
    if killed:
        result.update(status=killed, exitCode=None, signal="SIGKILL")
    else:
        if usage is not None:
            result["memoryKb"] = usage.ru_maxrss
        if os.WIFSIGNALED(status):
            result.update(exitCode=None, signal=signal.Signals(os.WTERMSIG(status)).name)
        else:
            result.update(exitCode=os.WEXITSTATUS(status), signal=None)
        result["status"] = "ok" if result["exitCode"] == 0 else "runtime_error"
    return result


WAKEUP_READ, WAKEUP_WRITE = os.pipe()


def main():
    if os.getpid() != 1:
        sys.exit("the supervisor runs only as a sandbox's init")
    # A child's exit wakes the select loop at once (no polling).
    os.set_blocking(WAKEUP_WRITE, False)
    signal.set_wakeup_fd(WAKEUP_WRITE)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    lock_down()
    plan = read_frame()
    env = plan["env"]
    for index in range(plan["steps"]):
        # Each step is read only when it runs: the tests' inputs are in this process's memory
        # one at a time, and only after the runs before them ended.
        step = read_frame()
        emit({"start": index})
        result = run(index, step, env, plan["outputBytes"])
        emit(result)
        if step.get("stopIfFails") and result["status"] != "ok":
            break


main()
