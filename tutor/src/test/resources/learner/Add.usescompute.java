import llmfs.compute.Rng;

public class Add {
    public static int add(int a, int b) {
        Rng unused = new Rng(a);
        unused.nextLong();
        return a + b;
    }
}
