"""
Benchmarks and a fault soak of the `bcc_api` package, run against local servers.

    PYTHONPATH=scripts:tests/servers python -m bench.bench
    PYTHONPATH=scripts:tests/servers python -m bench.soak

Both need the pinned Node tools (`npm ci --prefix tools/node`) for the token
server; `nox -s bench` and `nox -s soak` set everything up. Every server listens
on 127.0.0.1 only.
"""
