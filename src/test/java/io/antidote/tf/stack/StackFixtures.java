package io.antidote.tf.stack;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.config.AwsListener;
import io.antidote.tf.config.BackendConfigs;
import io.antidote.tf.config.TerraformBackendConfig;
import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.LessonStage;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.lesson.Tier;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lessons, images and configuration for stack tests, built in code (curriculum files under src/test/resources). */
public final class StackFixtures {
    public static final String VQFX_PASSWORD = "Antidote-Vqfx-S3cret!";
    public static final String UTILITY_PASSWORD = "Utility-Pa55-Word?";
    public static final Path CURRICULUM = Path.of("src/test/resources/stack-curriculum");
    public static final Map<String, Image> IMAGES = Map.of(
            "vqfx", new Image("vqfx", "vQFX", Flavor.TRUSTED, true, List.of("em3", "em4"), "antidote", "antidotepassword",
                    "root", VQFX_PASSWORD),
            "utility", new Image("utility", "tools", Flavor.UNTRUSTED, false, List.of(), "antidote", "antidotepassword",
                    "antidote", UTILITY_PASSWORD),
            "router", new Image("router", "a router", Flavor.LEGACY, true, List.of(), "antidote", "antidotepassword",
                    "antidote", UTILITY_PASSWORD));

    private StackFixtures() {
    }

    /** Two vQFX and a linux box in a line, napalm, python and ansible configuration, HTTP, a jupyter guide. */
    public static Lesson networkLesson() {
        return new Lesson("network-lab", "Network lab", Category.FUNDAMENTALS, Tier.PROD, "", "", "", null, null,
                List.of(new LessonStage(0, "one", GuideType.JUPYTER, null), new LessonStage(1, "two", GuideType.JUPYTER, null)),
                List.of(new LessonEndpoint("vqfx1", "vqfx", ConfigurationType.NAPALM, "vqfx1-junos.txt", List.of(830),
                                List.of(new Presentation("cli", 22, PresentationType.SSH))),
                        new LessonEndpoint("vqfx2", "vqfx", ConfigurationType.ANSIBLE, "vqfx2.yml", List.of(830),
                                List.of(new Presentation("cli", 22, PresentationType.SSH))),
                        new LessonEndpoint("linux1", "utility", ConfigurationType.PYTHON, "linux1.py", null,
                                List.of(new Presentation("cli", 22, PresentationType.SSH),
                                        new Presentation("web", 8080, PresentationType.HTTP),
                                        new Presentation("grafana", 3000, PresentationType.HTTP)))),
                List.of(new Connection("vqfx1", "vqfx2", "10.12.0.0/24"), new Connection("vqfx2", "linux1", null)),
                null, 5, null, null, Path.of("lessons/network-lab"));
    }

    /** One untrusted linux endpoint, SSH only, markdown guides. */
    public static Lesson simpleLesson() {
        return new Lesson("simple", "Simple", Category.TOOLS, Tier.PROD, "", "", "", null, null,
                List.of(new LessonStage(0, "one", GuideType.MARKDOWN, null), new LessonStage(1, "two", GuideType.MARKDOWN, null)),
                List.of(new LessonEndpoint("linux1", "utility", null, null, null,
                        List.of(new Presentation("cli", 22, PresentationType.SSH)))),
                null, null, 0, null, null, Path.of("lessons/simple"));
    }

    public static AwsConfig aws(int listeners) {
        List<AwsListener> ls = new java.util.ArrayList<>();
        for (int i = 0; i < listeners; i++) {
            ls.add(new AwsListener("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/antidote-" + i
                    + "/50dc6c495c0c9188/f2f7dc8efc522ab" + i, "antidote-" + i + "-1234.us-east-1.elb.amazonaws.com", "Z35SXDOTRQ7X7K"));
        }
        return new AwsConfig("us-east-1", true, "vpc-0abc1234", List.of("subnet-0aaa1111", "subnet-0bbb2222"),
                "ami-0abcdef1234567890", null, null, null, "antidote-host", "sg-0scheduler", "sg-0alb", "sg-0efs",
                "sg-0vpce", "pl-63a5400a", "fs-0123abcd", null, null, ls, listeners > 1 ? "Z0PUBLIC123" : null,
                "/antidote/ptr/images", null, 900);
    }

    public static AntidoteConfig config(boolean allowEgress, AwsConfig aws) {
        return new AntidoteConfig("ptr", CURRICULUM, null, "labs.example.org", null, null, null, null, null, null, null,
                null, allowEgress, "v1.2.3", null, null, null, null, null, null, null,
                new BackendConfigs(new TerraformBackendConfig("aws", null, null, null, aws)));
    }

    public static LiveLessonFactory factory(AntidoteConfig config) {
        return new LiveLessonFactory(config.instanceId(), config.hepsDomain(), "v9.9.9", CURRICULUM,
                slug -> Optional.ofNullable(IMAGES.get(slug)), () -> "abcde12345",
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    public static StackRequest request(AntidoteConfig config, Lesson lesson, int stage, String liveLessonId) {
        LiveLesson live = factory(config).create(lesson, stage, "session1", liveLessonId);
        return new StackRequest(live, lesson, IMAGES);
    }

    public static Map<String, String> buildInfo() {
        return Map.of("imageVersion", "v9.9.9");
    }
}
