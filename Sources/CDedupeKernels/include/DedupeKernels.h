// SIMD kernels for the dedupe stage, chosen at run time by what the CPU supports.
#ifndef DEDUPE_KERNELS_H
#define DEDUPE_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU runs `dedupe_minhash_avx512` (AVX-512 F and DQ).
int dedupe_has_avx512(void);

/// For each i < permutations (a multiple of 8): mins[i] = min over j < count of
/// multipliers[i] * shingles[j] + increments[i], in wrapping 64-bit arithmetic.
/// Exactly what the portable Swift loop computes, eight functions at a time.
/// Call only when `dedupe_has_avx512()` is true.
void dedupe_minhash_avx512(const uint64_t *shingles, size_t count, const uint64_t *multipliers,
                           const uint64_t *increments, uint64_t *mins, size_t permutations);

#endif
