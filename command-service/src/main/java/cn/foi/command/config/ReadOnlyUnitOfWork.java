package cn.foi.command.config;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Supplier;

/**
 * Loading an aggregate needs a unit of work. Inside a command the caller's own is used (so it sees the
 * command's changes); outside one (an HTTP check before a command) a unit of work is opened only to read,
 * and rolled back.
 */
public final class ReadOnlyUnitOfWork {

    private ReadOnlyUnitOfWork() {
    }

    public static <T> T read(Supplier<T> reading) {
        if (CurrentUnitOfWork.isStarted()) {
            return reading.get();
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return reading.get();
        } finally {
            unitOfWork.rollback();
        }
    }
}
