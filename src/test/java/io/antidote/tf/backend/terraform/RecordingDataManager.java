package io.antidote.tf.backend.terraform;

import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.state.InMemoryDataManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-memory DataManager that records every status update with the number of lines the livelesson's
 * configuration log had at that moment (so tests see that configuration ran after CONFIGURATION).
 */
final class RecordingDataManager {
    /** One status update. */
    record StatusChange(String liveLessonId, LiveLessonStatus status, int configurationLines) {
    }

    final InMemoryDataManager store = new InMemoryDataManager();
    final List<StatusChange> statuses = new CopyOnWriteArrayList<>();
    final DataManager db;

    RecordingDataManager(Function<String, Path> configurationLog) {
        db = (DataManager) Proxy.newProxyInstance(DataManager.class.getClassLoader(), new Class<?>[] {DataManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("updateLiveLessonStatus")) {
                        Path log = configurationLog.apply((String) args[0]);
                        int lines = Files.exists(log) ? Files.readAllLines(log).size() : 0;
                        statuses.add(new StatusChange((String) args[0], (LiveLessonStatus) args[1], lines));
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    List<LiveLessonStatus> statusesOf(String id) {
        return statuses.stream().filter(s -> s.liveLessonId().equals(id)).map(StatusChange::status).toList();
    }

    List<StatusChange> changesOf(String id) {
        return statuses.stream().filter(s -> s.liveLessonId().equals(id)).toList();
    }
}
