package org.meterguard.server.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnswerGateTest {

    @Test
    void letsNoMoreThanItsPermitsWorkAtOnceAndEveryoneThroughInTheEnd() throws Exception {
        AnswerGate gate = new AnswerGate(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                answers.add(pool.submit(() -> gate.through(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    sleep(2);
                    inside.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void givesThePermitBackWhenTheWorkFails() throws Exception {
        AnswerGate gate = new AnswerGate(1);
        assertThatThrownBy(() -> gate.through(() -> {
                    throw new IllegalStateException("broken");
                }))
                .hasMessage("broken");
        CountDownLatch done = new CountDownLatch(1);
        Thread next = new Thread(() -> gate.through(() -> {
            done.countDown();
            return null;
        }));
        next.start();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void needsAPermit() {
        assertThatThrownBy(() -> new AnswerGate(0)).hasMessageContaining("at least one permit");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
