#!/usr/bin/env bash
# Runs the OpenCL parity suite and the benchmarks on a machine with an NVIDIA (or any OpenCL) GPU and prints the
# same tables as `bin/tutor bench`, so the figures can go into docs/performance.md.
#
#   bench/gpu.sh            # parity tests on the GPU, then the bench (java vs opencl)
#   bench/gpu.sh --bench    # only the bench
#
# Needs: a JDK >= 17, Maven (with its dependencies already downloaded if the machine is offline: run
# `mvn -B dependency:go-offline` once where there is a network, and carry ~/.m2), the OpenCL ICD loader
# (libOpenCL.so.1, Debian package ocl-icd-libopencl1) and the vendor's OpenCL driver (for NVIDIA:
# /etc/OpenCL/vendors/nvidia.icd, installed with the driver).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Machine"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || echo "(nvidia-smi not found)"
ls /etc/OpenCL/vendors 2>/dev/null | sed 's/^/icd: /' || echo "no /etc/OpenCL/vendors: no OpenCL driver is registered"
if ! ldconfig -p 2>/dev/null | grep -q 'libOpenCL.so.1'; then
  echo "libOpenCL.so.1 is missing: install the ICD loader (Debian: ocl-icd-libopencl1)" >&2
  exit 2
fi

echo "== What the tutor sees"
bin/tutor doctor --device opencl

if [ "${1:-}" != "--bench" ]; then
  echo "== OpenCL parity suite on this machine's OpenCL devices (a GPU when there is one)"
  # TUTOR_REQUIRE_OPENCL makes a missing device a failure instead of a skip.
  TUTOR_REQUIRE_OPENCL=1 mvn -B -q -o -pl compute test \
      -Dtest='OpenClParityTest,OpenClTrainingStepTest,OpenClLifecycleTest' -Dsurefire.failIfNoSpecifiedTests=false
  echo "parity: passed"
fi

echo "== Bench (java and opencl)"
bin/tutor bench --backends java,opencl --steps 100
