#include "DedupeKernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

int dedupe_has_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
}

__attribute__((target("avx512f,avx512dq")))
void dedupe_minhash_avx512(const uint64_t *shingles, size_t count, const uint64_t *multipliers,
                           const uint64_t *increments, uint64_t *mins, size_t permutations) {
    // 32 functions per pass over the shingles: four accumulators hide the
    // multiply's latency, and the constants stay in registers.
    size_t i = 0;
    for (; i + 32 <= permutations; i += 32) {
        __m512i a0 = _mm512_loadu_si512(multipliers + i), a1 = _mm512_loadu_si512(multipliers + i + 8);
        __m512i a2 = _mm512_loadu_si512(multipliers + i + 16), a3 = _mm512_loadu_si512(multipliers + i + 24);
        __m512i b0 = _mm512_loadu_si512(increments + i), b1 = _mm512_loadu_si512(increments + i + 8);
        __m512i b2 = _mm512_loadu_si512(increments + i + 16), b3 = _mm512_loadu_si512(increments + i + 24);
        __m512i m0 = _mm512_set1_epi64(-1), m1 = m0, m2 = m0, m3 = m0;
        for (size_t j = 0; j < count; j++) {
            __m512i x = _mm512_set1_epi64((long long)shingles[j]);
            m0 = _mm512_min_epu64(m0, _mm512_add_epi64(_mm512_mullo_epi64(a0, x), b0));
            m1 = _mm512_min_epu64(m1, _mm512_add_epi64(_mm512_mullo_epi64(a1, x), b1));
            m2 = _mm512_min_epu64(m2, _mm512_add_epi64(_mm512_mullo_epi64(a2, x), b2));
            m3 = _mm512_min_epu64(m3, _mm512_add_epi64(_mm512_mullo_epi64(a3, x), b3));
        }
        _mm512_storeu_si512(mins + i, m0);
        _mm512_storeu_si512(mins + i + 8, m1);
        _mm512_storeu_si512(mins + i + 16, m2);
        _mm512_storeu_si512(mins + i + 24, m3);
    }
    for (; i + 8 <= permutations; i += 8) {
        __m512i a = _mm512_loadu_si512(multipliers + i), b = _mm512_loadu_si512(increments + i);
        __m512i m = _mm512_set1_epi64(-1);
        for (size_t j = 0; j < count; j++) {
            __m512i x = _mm512_set1_epi64((long long)shingles[j]);
            m = _mm512_min_epu64(m, _mm512_add_epi64(_mm512_mullo_epi64(a, x), b));
        }
        _mm512_storeu_si512(mins + i, m);
    }
}

#else

int dedupe_has_avx512(void) { return 0; }

void dedupe_minhash_avx512(const uint64_t *shingles, size_t count, const uint64_t *multipliers,
                           const uint64_t *increments, uint64_t *mins, size_t permutations) {
    (void)shingles; (void)count; (void)multipliers; (void)increments; (void)mins; (void)permutations;
}

#endif
