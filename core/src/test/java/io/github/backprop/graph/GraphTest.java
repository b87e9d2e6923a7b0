package io.github.backprop.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop.tensor.Shape;
import io.github.backprop.tensor.ShapeMismatchException;
import io.github.backprop.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The graph's backward pass on hand-checkable cases and against finite differences. */
class GraphTest {
  private static Tensor ones(Shape s) {
    Tensor t = Tensor.zeros(s);
    t.fillInPlace(1);
    return t;
  }

  @Test
  void backward_nodeUsedTwice_receivesTheSumOfBothPaths() {
    // chain rule case 2: s feeds x = s * p and y = s * q, z = x + y; dz/ds = p + q
    Graph.Builder b = Graph.builder();
    Tensor s = Tensor.vector(2.0, -1.0);
    Tensor sGrad = Tensor.zeros(2);
    Node sNode = b.parameter("s", s, sGrad);
    Node p = b.parameter("p", Tensor.vector(3.0, 5.0), Tensor.zeros(2));
    Node q = b.parameter("q", Tensor.vector(-7.0, 11.0), Tensor.zeros(2));
    Node x = b.apply("x", new Multiply(), sNode, p);
    Node y = b.apply("y", new Multiply(), sNode, q);
    Node z = b.apply("z", new Add(), x, y);
    Graph g = b.build();
    g.forward();
    g.backward(z, ones(z.shape()));

    assertArrayEquals(new double[] {3 - 7, 5 + 11}, sGrad.data());
    assertArrayEquals(new double[] {2 * 3 + 2 * -7, -1 * 5 + -1 * 11}, z.value().data());
  }

  @Test
  void prepareBackward_thenBackward_givesTheHandCheckedGradients() {
    // the case above, planned up front (twice: the second call must change nothing)
    Graph.Builder b = Graph.builder();
    Tensor sGrad = Tensor.zeros(2);
    Node sNode = b.parameter("s", Tensor.vector(2.0, -1.0), sGrad);
    Node p = b.parameter("p", Tensor.vector(3.0, 5.0), Tensor.zeros(2));
    Node q = b.parameter("q", Tensor.vector(-7.0, 11.0), Tensor.zeros(2));
    Node z = b.apply("z", new Add(), b.apply("x", new Multiply(), sNode, p),
        b.apply("y", new Multiply(), sNode, q));
    Graph g = b.build();
    g.prepareBackward(z);
    g.prepareBackward(z);
    sGrad.fillInPlace(Double.NaN);
    g.forward();
    g.backward(z, ones(z.shape()));
    assertArrayEquals(new double[] {3 - 7, 5 + 11}, sGrad.data());
  }

  @Test
  void prepareBackward_nodeOfAnotherGraph_isRefusedByName() {
    Graph.Builder other = Graph.builder();
    Node stranger = other.parameter("stranger", Tensor.vector(1.0), Tensor.zeros(1));
    Graph.Builder b = Graph.builder();
    b.parameter("w", Tensor.vector(1.0), Tensor.zeros(1));
    Graph g = b.build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> g.prepareBackward(stranger));
    assertEquals("backward: node stranger is not in this graph", e.getMessage());
  }

  @Test
  void backward_sameNodeTwiceInOneOp_doublesTheGradient() {
    Graph.Builder b = Graph.builder();
    Tensor w = Tensor.vector(1.5, -2.0);
    Tensor wGrad = Tensor.zeros(2);
    Node wNode = b.parameter("w", w, wGrad);
    Node sq = b.apply("sq", new Multiply(), wNode, wNode); // w^2, d/dw = 2w
    Graph g = b.build();
    g.forward();
    g.backward(sq, ones(sq.shape()));
    assertArrayEquals(new double[] {3.0, -4.0}, wGrad.data());
  }

  @Test
  void backward_runsTwice_withoutAccumulatingAcrossRuns() {
    Graph.Builder b = Graph.builder();
    Tensor wGrad = Tensor.zeros(1);
    Node w = b.parameter("w", Tensor.vector(4.0), wGrad);
    Node sq = b.apply("sq", new Multiply(), w, w);
    Graph g = b.build();
    g.forward();
    g.backward(sq, ones(sq.shape()));
    g.backward(sq, ones(sq.shape()));
    assertEquals(8.0, wGrad.get(0));
  }

  @Test
  void backward_staleGradientBuffers_areOverwrittenNotAddedTo() {
    // y = (x W^T + b) * c, every parameter gradient buffer full of NaN before the pass
    Graph.Builder b = Graph.builder();
    Node x = b.input("x", Shape.of(2, 3));
    Tensor wGrad = Tensor.zeros(4, 3);
    Tensor bGrad = Tensor.zeros(4);
    Tensor cGrad = Tensor.zeros(2, 4);
    Random random = new Random(9);
    Tensor w = Tensor.zeros(4, 3);
    Tensor c = Tensor.zeros(2, 4);
    for (int i = 0; i < w.size(); i++) {
      w.data()[i] = random.nextGaussian();
    }
    for (int i = 0; i < c.size(); i++) {
      c.data()[i] = random.nextGaussian();
    }
    for (int i = 0; i < 6; i++) {
      x.value().data()[i] = random.nextGaussian();
    }
    Node z = b.apply("z", new Affine(), x, b.parameter("w", w, wGrad),
        b.parameter("b", Tensor.vector(0.5, -1, 2, 0), bGrad));
    Node y = b.apply("y", new Multiply(), z, b.parameter("c", c, cGrad));
    Graph g = b.build();
    g.forward();
    for (Tensor grad : new Tensor[] {wGrad, bGrad, cGrad}) {
      grad.fillInPlace(Double.NaN);
    }
    g.backward(y, ones(y.shape()));

    // with a seed of ones: dz = c, dW = dz^T x, db = column sums of dz, dc = z
    for (int j = 0; j < 4; j++) {
      double db = 0;
      for (int r = 0; r < 2; r++) {
        db += c.get(r, j);
        assertEquals(z.value().get(r, j), cGrad.get(r, j));
      }
      assertEquals(db, bGrad.get(j), 1e-15);
      for (int k = 0; k < 3; k++) {
        double dw = 0;
        for (int r = 0; r < 2; r++) {
          dw += c.get(r, j) * x.value().get(r, k);
        }
        assertEquals(dw, wGrad.get(j, k), 1e-14);
      }
    }
  }

  @Test
  void recordTimes_countsEachOpsRunsWithoutChangingResults() {
    // y = (x W^T + b) * c, with x an input: z and y are the ops, both on y's backward path
    Random random = new Random(10);
    Tensor w = randomTensor(random, 4, 3);
    Tensor c = randomTensor(random, 2, 4);
    Graph.Builder b = Graph.builder();
    Node x = b.input("x", Shape.of(2, 3));
    x.value().copyFromInPlace(randomTensor(random, 2, 3));
    Node z = b.apply("z", new Affine(), x, b.parameter("w", w, Tensor.zeros(4, 3)),
        b.parameter("b", Tensor.vector(0.5, -1, 2, 0), Tensor.zeros(4)));
    Node y = b.apply("y", new Multiply(), z, b.parameter("c", c, Tensor.zeros(2, 4)));
    Graph g = b.build();
    g.forward();
    g.backward(y, ones(y.shape()));
    Tensor untimedY = y.value().copy();
    Tensor untimedZGrad = z.grad().copy();

    OpTimes times = new OpTimes();
    g.recordTimes(times);
    g.forward();
    g.forward();
    g.backward(y, ones(y.shape()));

    assertEquals(untimedY, y.value());
    assertEquals(untimedZGrad, z.grad());
    List<OpTimes.Entry> entries = times.entries();
    assertEquals(List.of("z", "y"), entries.stream().map(OpTimes.Entry::node).toList());
    assertEquals(List.of("affine", "multiply"),
        entries.stream().map(OpTimes.Entry::op).toList());
    for (OpTimes.Entry e : entries) {
      assertEquals(2, e.forwardRuns(), e.node());
      assertEquals(1, e.backwardRuns(), e.node());
      assertTrue(e.forwardNanos() >= 0 && e.backwardNanos() >= 0, e.toString());
    }

    g.recordTimes(null);
    g.forward();
    assertEquals(entries, times.entries(), "nothing added once recording stops");
    times.clear();
    assertEquals(List.of(), times.entries());
  }

  @Test
  void backward_opWithOnlyTheAddingForm_addsToAZeroedBuffer() {
    Op twice = new Op() {
      @Override
      public String name() {
        return "twice";
      }

      @Override
      public Shape outputShape(Shape... in) {
        return in[0];
      }

      @Override
      public void forward(Tensor[] in, Tensor out) {
        for (int i = 0; i < out.size(); i++) {
          out.data()[i] = 2 * in[0].get(i);
        }
      }

      @Override
      public void backward(Tensor[] in, Tensor out, Tensor gOut, Tensor[] gIn) {
        for (int i = 0; i < gOut.size(); i++) {
          gIn[0].data()[i] += 2 * gOut.get(i);
        }
      }
    };
    Graph.Builder b = Graph.builder();
    Tensor wGrad = Tensor.vector(Double.NaN, 7);
    Node y = b.apply("y", twice, b.parameter("w", Tensor.vector(1, 2), wGrad));
    Graph g = b.build();
    g.forward();
    g.backward(y, Tensor.vector(3, -1));

    assertArrayEquals(new double[] {6, -2}, wGrad.data());
  }

  @Test
  void backward_inputNode_getsNoGradient() {
    Graph.Builder b = Graph.builder();
    Node x = b.input("x", Shape.of(2, 3));
    Node w = b.parameter("w", Tensor.zeros(4, 3), Tensor.zeros(4, 3));
    Node y = b.apply("y", new MatMul(false, true), x, w);
    Graph g = b.build();
    g.forward();
    g.backward(y, ones(y.shape()));
    assertNull(x.grad());
  }

  @Test
  void matMul_allTransposeFlags_matchFiniteDifferences() {
    Random r = new Random(1);
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        int m = 3;
        int k = 4;
        int n = 2;
        Tensor a = randomTensor(r, ta ? k : m, ta ? m : k);
        Tensor bt = randomTensor(r, tb ? n : k, tb ? k : n);
        Tensor seed = randomTensor(r, m, n);
        checkAgainstFiniteDifferences(new MatMul(ta, tb), seed, a, bt);
      }
    }
  }

  @Test
  void affine_matchesFiniteDifferences() {
    Random r = new Random(2);
    Tensor x = randomTensor(r, 5, 3);
    Tensor w = randomTensor(r, 4, 3);
    Tensor bias = Tensor.vector(0.1, -0.2, 0.3, 0.4);
    checkAgainstFiniteDifferences(new Affine(), randomTensor(r, 5, 4), x, w, bias);
  }

  /** Every input's gradient of L = sum(seed * op(inputs)) against central differences. */
  private static void checkAgainstFiniteDifferences(Op op, Tensor seed, Tensor... inputs) {
    Graph.Builder b = Graph.builder();
    Node[] nodes = new Node[inputs.length];
    Tensor[] grads = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      grads[i] = Tensor.zeros(inputs[i].shape());
      nodes[i] = b.parameter("in" + i, inputs[i], grads[i]);
    }
    Node out = b.apply("out", op, nodes);
    Graph g = b.build();
    g.forward();
    g.backward(out, seed);
    double h = 1e-6;
    for (int i = 0; i < inputs.length; i++) {
      double[] v = inputs[i].data();
      for (int e = 0; e < v.length; e++) {
        double saved = v[e];
        v[e] = saved + h;
        g.forward();
        double plus = dot(seed, out.value());
        v[e] = saved - h;
        g.forward();
        double minus = dot(seed, out.value());
        v[e] = saved;
        double numeric = (plus - minus) / (2 * h);
        assertEquals(numeric, grads[i].get(e), 1e-8,
            op.name() + " input " + i + " element " + e);
      }
    }
  }

  private static double dot(Tensor a, Tensor b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += a.get(i) * b.get(i);
    }
    return s;
  }

  private static Tensor randomTensor(Random r, int rows, int cols) {
    Tensor t = Tensor.zeros(rows, cols);
    for (int i = 0; i < t.size(); i++) {
      t.data()[i] = r.nextGaussian();
    }
    return t;
  }

  @Test
  void apply_mismatchedShapes_failWhenTheNodeIsAdded() {
    Graph.Builder b = Graph.builder();
    Node x = b.input("x", Shape.of(2, 3));
    Node w = b.parameter("w", Tensor.zeros(4, 5), Tensor.zeros(4, 5));
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> b.apply("y", new MatMul(false, true), x, w));
    assertTrue(e.getMessage().startsWith(
        "matmul: op(A) has shape [2, 3] and op(B) has shape [5, 4]"), e.getMessage());
  }

  @Test
  void build_deepChain_doesNotOverflowTheStack() {
    Graph.Builder b = Graph.builder();
    Tensor wGrad = Tensor.zeros(1);
    Node n = b.parameter("w", Tensor.vector(1.0), wGrad);
    Node one = b.parameter("one", Tensor.vector(1.0), Tensor.zeros(1));
    for (int i = 0; i < 20_000; i++) {
      n = b.apply("n" + i, new Multiply(), n, one);
    }
    Graph g = b.build();
    g.forward();
    g.backward(n, Tensor.vector(1.0));
    assertEquals(1.0, wGrad.get(0));
  }
}
