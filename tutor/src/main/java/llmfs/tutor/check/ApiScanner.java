package llmfs.tutor.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a compiled (attributed) learner file and lists every use of a library class or member that
 * {@link ApiPolicy} refuses. It works on resolved symbols, not on text, so imports, fully qualified names, static
 * imports, {@code var}, method references and chained calls all name the same class and member.
 */
final class ApiScanner extends TreePathScanner<Void, Void> {
    /** One refused use: where it is and what it is ({@code Runtime.exec}, {@code java.io.File}). */
    record Violation(long position, long line, String what, String owner) {
        Violation(long position, long line, String what) {
            this(position, line, what, null);
        }
    }

    private final Trees trees;
    private final CompilationUnitTree unit;
    private final LineMap lines;
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Violation> violations = new ArrayList<>();
    private final List<Violation> pendingMembers = new ArrayList<>();

    private ApiScanner(Trees trees, CompilationUnitTree unit) {
        this.trees = trees;
        this.unit = unit;
        this.lines = unit.getLineMap();
    }

    /** The refused uses in {@code unit}, in source order, one per line and name. */
    static List<Violation> scan(Trees trees, CompilationUnitTree unit) {
        ApiScanner s = new ApiScanner(trees, unit);
        if (unit.getPackageName() != null) {
            String pkg = unit.getPackageName().toString();
            if (!ApiPolicy.packageDeclarationAllowed(pkg)) s.report(unit.getPackageName(), "package " + pkg);
        }
        s.scan(new TreePath(unit), null);
        for (Violation v : s.pendingMembers) {
            if (!s.seen.contains(v.line() + ":" + v.owner())) s.violations.add(v);
        }
        s.violations.sort(java.util.Comparator.comparingLong(Violation::position));
        return s.violations;
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
        check(node, trees.getElement(getCurrentPath()));
        return super.visitIdentifier(node, unused);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        check(node, trees.getElement(getCurrentPath()));
        return super.visitMemberSelect(node, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        check(node, trees.getElement(getCurrentPath()));
        return super.visitMemberReference(node, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
        Element ctor = trees.getElement(getCurrentPath());
        if (ctor != null && ctor.getEnclosingElement() instanceof TypeElement anon
                && anon.getNestingKind() == NestingKind.ANONYMOUS) {
            // new PrintStream("f") { }: the constructor called is the library's, through the anonymous class.
            TypeElement base = superclass(anon);
            if (base != null && isLibrary(base) && !ApiPolicy.subclassAllowed(base.getQualifiedName().toString())) {
                report(node, "new " + base.getSimpleName() + "(…) { … }");
            }
        } else {
            check(node, ctor);
        }
        return super.visitNewClass(node, unused);
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
        if (node.getModifiers().getFlags().contains(Modifier.NATIVE)) {
            report(node, "native method " + node.getName());
        }
        // A finalizer runs later on the JVM's own thread, outside the check's time limit.
        if (node.getName().contentEquals("finalize") && node.getParameters().isEmpty()) {
            report(node, "finalize()");
        }
        return super.visitMethod(node, unused);
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
        Element e = trees.getElement(getCurrentPath());
        if (e instanceof TypeElement t) {
            TypeElement base = superclass(t);
            if (base != null && isLibrary(base) && !ApiPolicy.subclassAllowed(base.getQualifiedName().toString())
                    && t.getNestingKind() != NestingKind.ANONYMOUS) {
                report(node, "extends " + base.getSimpleName());
            }
        }
        return super.visitClass(node, unused);
    }

    private void check(Tree node, Element e) {
        if (e == null) return;
        ElementKind kind = e.getKind();
        if (e instanceof TypeElement t) {
            if (isLibrary(t) && !typeAllowed(t)) report(node, t.getQualifiedName().toString());
            return;
        }
        boolean member = e instanceof ExecutableElement || kind == ElementKind.FIELD || kind == ElementKind.ENUM_CONSTANT;
        if (!member || !(e.getEnclosingElement() instanceof TypeElement owner) || !isLibrary(owner)) return;
        String ownerName = owner.getQualifiedName().toString();
        String name = e.getSimpleName().toString();
        if (!typeAllowed(owner)) {
            // Usually the class is named right here and reported as such; name the member only when it is not
            // (a refused class reached through a call that returns it).
            long line = lineOf(node);
            if (!seen.contains(line + ":" + owner.getQualifiedName())) {
                pendingMembers.add(new Violation(position(node), line, kind == ElementKind.CONSTRUCTOR
                        ? "new " + owner.getSimpleName() : owner.getSimpleName() + "." + name,
                        owner.getQualifiedName().toString()));
            }
            return;
        }
        boolean firstString = e instanceof ExecutableElement x && !x.getParameters().isEmpty()
                && isString(x.getParameters().get(0).asType());
        if (!ApiPolicy.memberAllowed(ownerName, name, firstString)) {
            report(node, kind == ElementKind.CONSTRUCTOR ? "new " + owner.getSimpleName() + "(" + (firstString ? "String…" : "…") + ")"
                    : owner.getSimpleName() + "." + name);
        }
    }

    private static boolean isString(TypeMirror t) {
        return t.getKind() == TypeKind.DECLARED && ((DeclaredType) t).asElement() instanceof TypeElement te
                && te.getQualifiedName().contentEquals("java.lang.String");
    }

    private static TypeElement superclass(TypeElement t) {
        TypeMirror s = t.getSuperclass();
        return s.getKind() == TypeKind.DECLARED && ((DeclaredType) s).asElement() instanceof TypeElement te ? te : null;
    }

    /** Whether the class comes from a library (the JDK, compute) rather than from the learner's file. */
    private boolean isLibrary(TypeElement t) {
        return trees.getPath(t) == null || trees.getPath(t).getCompilationUnit() != unit;
    }

    private static boolean typeAllowed(TypeElement t) {
        Element p = t;
        while (p != null && !(p instanceof PackageElement)) p = p.getEnclosingElement();
        String pkg = p == null ? "" : ((PackageElement) p).getQualifiedName().toString();
        // No library class lives in the unnamed package: this is javac's stand-in for arrays (length, clone).
        if (pkg.isEmpty()) return true;
        return ApiPolicy.typeAllowed(pkg, t.getQualifiedName().toString());
    }

    private void report(Tree node, String what) {
        long line = lineOf(node);
        if (seen.add(line + ":" + what)) violations.add(new Violation(position(node), line, what));
    }

    private long position(Tree node) {
        return trees.getSourcePositions().getStartPosition(unit, node);
    }

    private long lineOf(Tree node) {
        long pos = position(node);
        return pos < 0 ? 0 : lines.getLineNumber(pos);
    }
}
