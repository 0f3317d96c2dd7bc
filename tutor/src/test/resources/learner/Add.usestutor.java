import llmfs.tutor.ProjectHome;

public class Add {
    public static int add(int a, int b) {
        return ProjectHome.class.getName().length() * 0 + a + b;
    }
}
