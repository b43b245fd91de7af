package za.voelgoed.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Joining the build's listing with the training start's list into one the dump accepts (no name or id twice). */
class ClassListTest {

    @Test
    void theSecondListAddsOnlyClassesTheFirstLacksNumberedAfterItsHighestId() {
        List<String> first = List.of("# comment", "java/lang/Object id: 0", "za/voelgoed/A id: 7",
                "za/voelgoed/Custom id: 9 super: 0 source: /x.jar");
        List<String> second = List.of("# comment", "java/lang/Object id: 0", "java/util/Base64 id: 1",
                "za/voelgoed/A id: 2", "java/net/http/HttpClient id: 3");

        assertThat(ClassList.merge(first, second)).containsExactly("# comment", "java/lang/Object id: 0",
                "za/voelgoed/A id: 7", "za/voelgoed/Custom id: 9 super: 0 source: /x.jar", "java/util/Base64 id: 10",
                "java/net/http/HttpClient id: 11");
    }

    @Test
    void directivesComeOverOnceAndCustomLoaderClassesOfTheSecondAreDropped() {
        List<String> first = List.of("java/lang/Object id: 0",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L");
        List<String> second = List.of(
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L",
                "@lambda-proxy za/voelgoed/A run ()Ljava/lang/Runnable; ()V REF_invokeStatic za/voelgoed/A lambda$0 ()V ()V",
                "@cp za/voelgoed/A 1 2 7", "@cp za/voelgoed/A 1 2 7", "za/voelgoed/Other id: 4 super: 0 source: /y.jar");

        assertThat(ClassList.merge(first, second)).containsExactly("java/lang/Object id: 0",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L",
                "@lambda-proxy za/voelgoed/A run ()Ljava/lang/Runnable; ()V REF_invokeStatic za/voelgoed/A lambda$0 ()V ()V",
                "@cp za/voelgoed/A 1 2 7");
    }
}
